#!/usr/bin/python3
"""A social worker of the demo's juvenile committee of Tripoli signs in
through the accessibility tree: the sidebar holds that committee alone,
the list the two files assigned to them, and neither the meetings, a new
file nor the overview is offered; a file opens with its facts and
documents, without the committee's steps, duplicates or ruling, and
cannot be edited. They then write a social inquiry on it in Arabic, save
the draft, submit it (the file's checklist counts it) and save it as a
PDF, and add a goal to the file's case plan and review it."""

import os
import subprocess
import sys

import pyatspi

from lajna_atspi import (Results, cell_texts, data_rows, find_role, give_password, run, save_as,
                         text_of, wait_for, walk)

results = Results()
check = results.check


def sql(query):
    """One value, read by the server's own account while the app runs."""
    run_dir = os.path.join(os.environ["LAJNA_DATA_DIR"], "run")
    return subprocess.run(["psql", "-h", run_dir, "-d", "lajna", "-AtXc", query], check=True,
                          capture_output=True, text=True).stdout.strip()


def showing(acc):
    """Whether acc is shown: GTK 4.8 leaves a hidden widget out of the
    tree, and tells a shown one visible."""
    return acc.getState().contains(pyatspi.STATE_VISIBLE)


def showing_named(root, role, words):
    return [a for a in walk(root)
            if a.getRoleName() == role and words in (a.name or "") and showing(a)]


def main(root):
    assigned = sql("WITH given AS (UPDATE juvenile_case SET social_worker_id ="
                   "  (SELECT id FROM app_user WHERE login = 'sw_g')"
                   " WHERE case_id IN (SELECT id FROM case_file WHERE committee_id = 3"
                   "                    ORDER BY id LIMIT 2) RETURNING case_id)"
                   "SELECT string_agg(file_number, '|') FROM case_file"
                   " WHERE id IN (SELECT case_id FROM given)").split("|")
    give_password(root, "password of sw_g")

    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    rows_list, rows = wait_for(lambda: (lambda l, r: (l, r) if len(r) == 2 else None)(
        *data_rows(table)), "the two assigned files in the table")
    shown = [" ".join(cell_texts(r)) for r in rows]
    check(all(any(number in row for row in shown) for number in assigned),
          f"the table lists the files assigned ({assigned})")

    committee = sql("SELECT name_ar FROM committee WHERE id = 3")
    others = sql("SELECT string_agg(name_ar, '|') FROM committee WHERE id <> 3").split("|")
    sidebar = " ".join(text_of(a) for a in walk(root) if a.getRoleName() == "label")
    check(committee in sidebar and not any(o in sidebar for o in others),
          "the sidebar holds the social worker's committee alone")
    check(not showing_named(root, "push button", "الاجتماعات"), "no meetings button")
    check(not showing_named(root, "push button", "ملف جديد")
          and not showing_named(root, "toggle button", "ملف جديد"), "no new-file button")
    check(not showing_named(root, "radio button", "نظرة عامة")
          and not showing_named(root, "toggle button", "نظرة عامة"), "no overview page")

    rows_list.querySelection().selectChild(0)
    wait_for(lambda: showing_named(root, "push button", "تصدير بصيغة"), "the file shown")
    check(not showing_named(root, "label", "الخطوات التالية")
          and not showing_named(root, "label", "القرار الرسمي")
          and not showing_named(root, "label", "ملفات قد تكون مكررة"),
          "no step, duplicate or ruling on the file")
    edit = next(a for a in walk(root) if a.getRoleName() == "push button"
                and a.name == "تعديل الملف")
    check(not edit.getState().contains(pyatspi.STATE_SENSITIVE), "the file cannot be edited")
    opened = sql("SELECT count(*) FROM audit_event WHERE actor = 'sw_g' AND action = 'case.open'")
    check(opened != "0", "opening the file is in the audit trail under their name")

    write_report(root)
    plan_goal(root)


def named(root, words, roles=("push button", "toggle button", "menu item")):
    return next((a for a in walk(root) if a.getRoleName() in roles
                 and words in (a.name or "") and showing(a)), None)


def actions(acc):
    try:
        return acc.queryAction().nActions
    except NotImplementedError:
        return 0


def press_named(root, words, what):
    """Presses what is named so; a menu button, through its toggle."""
    found = wait_for(lambda: named(root, words), what)
    pressable = next(a for a in walk(found) if actions(a) > 0)
    pressable.queryAction().doAction(0)


def write_report(root):
    """Begins a social inquiry, writes its required sections in Arabic,
    saves the draft, submits it, and saves it as a PDF."""
    press_named(root, "تقرير جديد", "the New Report button")
    press_named(root, "تقرير البحث الاجتماعي", "the social inquiry in the menu")
    required = sql("SELECT string_agg(title_ar, '|' ORDER BY position) FROM report_section"
                   " WHERE kind_code = 'social_inquiry' AND required").split("|")
    for title in required:
        box = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "text"
                                     and a.name == title), None), f"the section {title}")
        box.queryEditableText().setTextContents(f"كتبت الأخصائية في {title}.")
    press_named(root, "حفظ المسودة", "the Save Draft button")
    case = sql("SELECT case_id FROM case_report")
    body = wait_for(lambda: sql("SELECT string_agg(s.body, '|') FROM case_report_section s"
                                " JOIN case_report r ON r.id = s.report_id"
                                f" WHERE r.case_id = {case} AND s.body <> ''"), "the draft saved")
    check(all(f"كتبت الأخصائية في {t}." in body for t in required),
          "the draft holds every required section as typed")
    press_named(root, "تقديم", "the Submit button")
    press_named(root, "تقديم التقرير", "the confirmation")
    document = wait_for(lambda: sql("SELECT concat_ws('|', d.source, d.type_code, d.added_by)"
                                    " FROM document d JOIN case_report r ON r.document_id = d.id"
                                    f" WHERE r.case_id = {case}"), "the report on record")
    check(document == "report|social_worker_report|sw_g",
          f"the submitted report is the file's social worker's report ({document})")
    checklist = sql(f"SELECT state FROM lajna_case_checklist({case})"
                    " WHERE type_code = 'social_worker_report'")
    check(checklist == "satisfied", f"the checklist counts it ({checklist})")
    audit = sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_event"
                " WHERE actor = 'sw_g' AND action LIKE 'report.%'")
    check(audit == "report.create,report.save,report.submit",
          f"each step is in the audit trail under their name ({audit})")

    path = os.path.join(os.environ["LAJNA_DATA_DIR"], "report.pdf")
    press_named(root, "حفظ بصيغة", "the Save as PDF button")
    save_as(root, "حفظ التقرير", path)
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    check("كتبت الأخصائية في" in text and "أخصائية الاختبار" in text,
          "the saved PDF holds the report and its author")



def plan_goal(root):
    """Adds a goal to the file's case plan and reviews it."""
    case = sql("SELECT case_id FROM case_report")
    press_named(root, "إضافة هدف", "the Add a Goal button")
    goal = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "text"
                                  and a.name == "الهدف"), None), "the goal entry")
    goal.queryEditableText().setTextContents("العودة إلى الدراسة")
    day = next(a for a in walk(root) if a.getRoleName() == "text" and a.name == "التاريخ المستهدف")
    day.queryEditableText().setTextContents("2027-02-01")
    press_named(root, "أضف الهدف", "the Add button")
    added = wait_for(lambda: sql("SELECT concat_ws('|', domain, goal, target_on, status)"
                                 f" FROM case_plan_goal WHERE case_id = {case}"), "the goal added")
    check(added == "education|العودة إلى الدراسة|2027-02-01|open",
          f"the goal is in the plan as written ({added})")
    press_named(root, "مراجعة الهدف", "the Review button")
    note = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "text"
                                  and a.name == "ملاحظة"), None), "the note entry")
    note.queryEditableText().setTextContents("التحق بالفصل")
    press_named(root, "سجّل", "the Record button")
    reviewed = wait_for(lambda: sql("SELECT concat_ws('|', r.note, u.login)"
                                    " FROM case_plan_review r JOIN app_user u"
                                    " ON u.id = r.reviewer_id"), "the review recorded")
    check(reviewed == "التحق بالفصل|sw_g", f"the review is kept with its reviewer ({reviewed})")


if __name__ == "__main__":
    sys.exit(run(main, results))
