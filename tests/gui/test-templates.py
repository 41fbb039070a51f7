#!/usr/bin/python3
"""Ruling templates and checking a ruling, through the accessibility tree:
the administrator opens Ruling Templates from the main menu (F10) and sees
page 1 of the ruling rendered beside the editor; a name between braces
that is no placeholder is named under the editor, and the database refuses
to save it; once it is taken out, the template is saved, and the database
holds it. Then Check a Ruling… is given a ruling's PDF with one glyph of
its text changed, and says that it was altered (the C suites check valid,
altered and unknown on the model)."""

import os
import re
import subprocess
import tempfile
import time

from lajna_atspi import Results, press, run, text_of, wait_for, walk

KEY_F10 = 0xFFC7
KEY_RETURN = 0xFF0D
KEY_SLASH = 0x2F
results = Results()
check = results.check


def sql(query):
    """Another workstation: psql on the app's own database."""
    return subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-h",
         os.path.join(os.environ["LAJNA_DATA_DIR"], "run"), "-d", "lajna", "-c", query],
        check=True, capture_output=True, text=True).stdout.strip()


def plain(text):
    return re.sub("[\u2066-\u2069]", "", text or "")


def labels(root):
    return " ".join(plain(text_of(a)) for a in walk(root) if a.getRoleName() == "label")


def window_named(root, title):
    for i in range(root.childCount):
        window = root.getChildAtIndex(i)
        if window is not None and plain(window.name) == title:
            return window
    return None


def find(root, role, name):
    return next((a for a in walk(root)
                 if a.getRoleName() == role and plain(a.name).endswith(name)), None)


def menu_item(root, name):
    """Opens the main menu (F10) and activates its item called name."""
    press(KEY_F10)
    item = wait_for(lambda: find(root, "menu item", name), f"the menu item {name}")
    item.queryAction().doAction(0)


def ruling_pdf(folder):
    """A ruling issued by lajnactl's workstation, rendered to a PDF."""
    case_id = sql("SELECT d.case_id FROM decision_now d JOIN case_file c ON c.id = d.case_id"
                  " WHERE c.status = 'decided' ORDER BY d.id LIMIT 1")
    lajnactl = os.environ["LAJNACTL"]
    path = os.path.join(folder, "ruling.pdf")
    sql(f"SELECT lajna_ruling_issue(id) FROM decision_now WHERE case_id = {case_id}"
        " ORDER BY decided_on DESC, id DESC LIMIT 1")
    subprocess.run([lajnactl, "ruling", "render", "--case", case_id, "-o", path], check=True,
                   capture_output=True)
    return path


def altered_copy(path, folder):
    """The same PDF, one glyph of its text changed (uncompressed by qpdf)."""
    altered = os.path.join(folder, "altered.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, altered], check=True)
    data = bytearray(open(altered, "rb").read())
    at = data.index(b"[<") + 3
    data[at] = ord("2") if data[at] == ord("1") else ord("1")
    open(altered, "wb").write(bytes(data))
    return altered


def check_ruling(root, path):
    """Check a Ruling…, the path typed in the file chooser; the verdict."""
    menu_item(root, "تحقق من قرار…")
    chooser = wait_for(lambda: window_named(root, "التحقق من قرار"), "the file chooser")
    press(KEY_SLASH)
    location = wait_for(lambda: next((a for a in walk(chooser) if a.getRoleName() == "text"
                                      and "/" in text_of(a)), None), "the location entry")
    location.queryEditableText().setTextContents(path)
    time.sleep(0.5)
    press(KEY_RETURN)
    dialog = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "dialog"
                                    and "قرار" in labels(a) + plain(a.name)
                                    and ("صحيح" in labels(a) or "عُدِّل" in labels(a)
                                         or "مجهول" in labels(a))), None), "the verdict")
    verdict = labels(dialog)
    close = find(dialog, "push button", "إغلاق")
    if close is not None:
        close.queryAction().doAction(0)
    return verdict


def main(root):
    wait_for(lambda: find(root, "list", "اللجان"), "the committee list")
    committee, outcome_title = sql(
        "SELECT k.id, t.title FROM committee k JOIN ruling_template t ON t.outcome = 'approve'"
        " WHERE k.kind = 'marriage' AND t.committee_id IS NULL ORDER BY k.id LIMIT 1").split("\t")
    menu_item(root, "نماذج القرارات…")
    editor = wait_for(lambda: window_named(root, "نماذج القرارات"), "the template editor")
    check(True, "the main menu opens the ruling templates")
    wait_for(lambda: "الصفحة 1 كما تُطبع" in labels(editor), "the preview")
    title = wait_for(lambda: next((a for a in walk(editor) if a.getRoleName() == "text"
                                   and plain(text_of(a)) == outcome_title), None),
                     "the approval template's title")
    check(True, "page 1 of the ruling is rendered beside its template")

    title.queryEditableText().setTextContents(outcome_title + " {spouse.religion}")
    wait_for(lambda: "spouse.religion" in labels(editor), "the unknown placeholder named")
    check(True, "a name that is no placeholder is named under the editor")
    find(editor, "push button", "حفظ").queryAction().doAction(0)
    wait_for(lambda: "حقلًا غير معروف" in labels(editor), "the refusal")
    check(sql("SELECT count(*) FROM ruling_template WHERE title LIKE '%religion%'") == "0",
          "the database refuses to save it")

    new_title = "قرار بالموافقة على الزواج"
    title.queryEditableText().setTextContents(new_title)
    wait_for(lambda: "spouse.religion" not in labels(editor), "the warning gone")
    find(editor, "push button", "حفظ").queryAction().doAction(0)
    wait_for(lambda: sql("SELECT title FROM ruling_template WHERE outcome = 'approve'"
                         "   AND committee_id IS NULL") == new_title, "the template saved")
    check(True, "the corrected template is saved")
    close = find(editor, "push button", "أغلق") or find(editor, "push button", "Close")
    close.queryAction().doAction(0)
    wait_for(lambda: window_named(root, "نماذج القرارات") is None, "the editor closed")

    with tempfile.TemporaryDirectory() as folder:
        path = ruling_pdf(folder)
        verdict = check_ruling(root, altered_copy(path, folder))
        check("قرار عُدِّل بعد إصداره" in verdict,
              f"a ruling's PDF with one glyph changed checks altered ({verdict})")


run(main, results)
