#!/usr/bin/python3
"""Registers a marriage file through the form, by keyboard where a person
would type, and finds it again by search: the form opens with Ctrl+N,
refuses to save an empty file with a message under each field, takes the
parties' names and numbers, chooses from its lists by arrow keys, saves
with Ctrl+S, and the new file is in the table with its number. Then edits
it (Ctrl+E) while another workstation saves it: saving shows both
versions, and the clerk's choice is what the database keeps."""

import json
import os
import re
import subprocess
import sys
import time

import pyatspi
from lajna_atspi import (KEY_DOWN, KEY_RETURN, KEY_TAB, Results, cell_texts, data_rows, find_role, press,
                         press_with_control, run, text_of, wait_for, walk)

KEYCODE_E = 26
KEYCODE_N = 57
KEYCODE_S = 39
NATIONAL_NUMBER = "119850012345"
results = Results()
check = results.check


def form_frame(root, title):
    """A form's window, by its title, once its fields are there."""
    for i in range(root.childCount):
        frame = root.getChildAtIndex(i)
        if (frame is not None and frame.name == title
                and find_role(frame, "list", "الطرف الليبي") is not None):
            return frame
    return None


def sql(query):
    """Another workstation: psql on the app's own database."""
    return subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-h", os.path.join(os.environ["LAJNA_DATA_DIR"], "run"),
         "-d", "lajna", "-c", query],
        check=True, capture_output=True, text=True).stdout.strip()


def field(form, group, name):
    group_list = find_role(form, "list", group)
    return next((a for a in walk(group_list)
                 if a.getRoleName() in ("text", "combo box") and a.name == name), None)


def type_into(form, group, name, text):
    field(form, group, name).queryEditableText().setTextContents(text)


def tab_to(form, group, name):
    """Moves the focus with Tab, as a person would, to a field."""
    target = field(form, group, name)
    for _ in range(80):
        if target.getState().contains(pyatspi.STATE_FOCUSED):
            return
        press(KEY_TAB)
    raise SystemExit(f"not ok - Tab never reaches {group} / {name}\n0 passed, 1 failed")


def choose(form, group, name, steps):
    """Tabs to a list row, opens it with Return and moves down to the item."""
    tab_to(form, group, name)
    press(KEY_RETURN)
    time.sleep(0.3)
    for _ in range(steps):
        press(KEY_DOWN)
    press(KEY_RETURN)
    time.sleep(0.3)


def described(form):
    return [a for a in walk(form)
            if a.getRoleName() in ("text", "combo box") and a.description]


def edit_while_saved_elsewhere(root, table, number):
    rows_list, _ = data_rows(table)
    rows_list.querySelection().selectChild(0)
    wait_for(lambda: find_role(root, "label", "سالم مفتاح علي الزوي - Maria Garcia"),
             "the new file shown beside the list")
    press_with_control(KEYCODE_E)
    edit = wait_for(lambda: form_frame(root, "تعديل الملف"), "the edit form after Ctrl+E")
    wait_for(lambda: field(edit, "الطرف الليبي", "الرقم الوطني").queryText().characterCount == 12,
             "the file's values in the edit form")
    type_into(edit, "الملف", "محل الإقامة", "مصراتة")

    where = f"(SELECT id FROM case_file WHERE file_number = '{number}')"
    sql(f"UPDATE marriage_case SET residence = 'بنغازي' WHERE case_id = {where};"
        f"UPDATE case_file SET row_version = row_version + 1 WHERE id = {where}")
    press_with_control(KEYCODE_S)

    dialog = wait_for(lambda: find_role(root, "label", "حفظ شخص آخر هذا الملف"),
                      "the conflict dialog after saving")
    check(dialog is not None, "saving over another workstation's save asks first")
    cells = {text_of(a) for a in walk(root) if a.getRoleName() == "label"}
    check({"\u2068مصراتة\u2069", "\u2068بنغازي\u2069"} <= cells,
          "it shows the residence of both versions")
    check(sql(f"SELECT residence FROM marriage_case WHERE case_id = {where}") == "بنغازي",
          "nothing is written before the clerk chooses")
    keep = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                  and "نسختي" in (a.name or "")), None), "the keep-mine button")
    keep.queryAction().doAction(0)
    wait_for(lambda: sql(f"SELECT residence FROM marriage_case WHERE case_id = {where}") == "مصراتة",
             "the clerk's version saved")
    check(sql(f"SELECT row_version FROM case_file WHERE id = {where}") == "3",
          "keeping one's version saves it over the other, as a new version (3)")


def main(root):
    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    wait_for(lambda: len(data_rows(table)[1]) >= 5, "rows in the file table")

    press_with_control(KEYCODE_N)
    form = wait_for(lambda: form_frame(root, "ملف زواج جديد"), "the new-file form after Ctrl+N")
    check(True, "Ctrl+N opens a new marriage file")

    press_with_control(KEYCODE_S)
    messages = wait_for(lambda: described(form), "messages under the fields of an empty form")
    check(len(messages) >= 6, f"saving an empty file marks its fields ({len(messages)})")
    check(form_frame(root, form.name) is not None, "the empty file is not saved")

    libyan, foreign, file_group = "الطرف الليبي", "الطرف الأجنبي", "الملف"
    for name, text in (("الاسم", "سالم"), ("اسم الأب", "مفتاح"), ("اسم الجد", "علي"),
                       ("اسم العائلة", "الزوي"), ("تاريخ الميلاد", "1985-03-14"),
                       ("الرقم الوطني", NATIONAL_NUMBER)):
        type_into(form, libyan, name, text)
    for name, text in (("الاسم", "ماريا"), ("الاسم بالحروف اللاتينية", "Maria Garcia"),
                       ("تاريخ الميلاد", "1990-06-01"), ("رقم جواز السفر", "p 123-4567"),
                       ("تاريخ انتهاء جواز السفر", "٢٠٣٠-٠١-٠١")):
        type_into(form, foreign, name, text)
    choose(form, file_group, "صفة الزوجين", 1)
    choose(form, libyan, "الجنس", 1)
    choose(form, libyan, "الجنسية", 1)
    choose(form, foreign, "الجنس", 2)
    choose(form, foreign, "الجنسية", 2)

    left = [f"{a.name}: {a.description}" for a in described(form)]
    check(not left, f"a complete file leaves no message ({left})")

    press_with_control(KEYCODE_S)

    def saved_file():
        found = json.loads(subprocess.run(
            [os.environ["LAJNACTL"], "case", "search", NATIONAL_NUMBER, "--json"],
            check=True, capture_output=True, text=True).stdout)
        return found or None

    saved = wait_for(saved_file, "the file in the database after Ctrl+S")
    check(len(saved) == 1, f"Ctrl+S registers the file, once ({len(saved)})")
    number = saved[0]["file_number"] if saved else ""
    check(re.fullmatch(r"زب?/\d{4}/\d{5}", number) is not None, f"it has a file number ({number})")
    check(saved and saved[0]["title"] == "سالم مفتاح علي الزوي - Maria Garcia",
          f"its title names both parties ({saved[0]['title'] if saved else None!r})")

    find_role(root, "entry").queryEditableText().setTextContents(NATIONAL_NUMBER)

    def found():
        _, rows = data_rows(table)
        texts = [cell_texts(r) for r in rows]
        return texts if len(texts) == 1 and texts[0][0] == number else None

    rows = wait_for(found, "the new file found by its national number")
    check(rows[0][1].startswith("سالم مفتاح علي الزوي"), f"the table shows it ({rows[0]})")
    edit_while_saved_elsewhere(root, table, number)


if __name__ == "__main__":
    sys.exit(run(main, results))
