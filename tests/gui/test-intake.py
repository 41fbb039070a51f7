#!/usr/bin/python3
"""Registers a marriage file through the form, by keyboard where a person
would type, and finds it again by search: the form opens with Ctrl+N,
refuses to save an empty file with a message under each field, shows a
wrong national number's error beside it, takes the parties' names and
numbers, fills in what the direction says, finds a nationality by typing
part of its name, picks a date from a calendar, saves with Ctrl+S, and the
new file is in the table with its number. Then edits it (Ctrl+E) while
another workstation saves it: saving shows both versions, and the clerk's
choice is what the database keeps. Last, a second file typed like the
first shows the duplicate warning under the name being typed, and Escape
on it asks before anything typed is discarded."""

import json
import os
import re
import subprocess
import sys
import time

import pyatspi
from lajna_atspi import (KEY_DOWN, KEY_RETURN, KEY_TAB, Results, cell_texts, data_rows, find_role, press,
                         press_with_control, run, text_of, wait_for, walk)

KEY_ESCAPE = 0xFF1B
KEY_SPACE = 0x20
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


def value_of(form, group, name):
    """What a list row shows as chosen: the labels under it but its title."""
    return [text_of(a) for a in walk(field(form, group, name))
            if a.getRoleName() == "label" and text_of(a) != name]


def rows_of(form, group):
    group_list = find_role(form, "list", group)
    return [group_list.getChildAtIndex(i) for i in range(group_list.childCount)]


def message_beside(form, group, name):
    """The text shown in the rows right under a field, before the next field."""
    rows = rows_of(form, group)
    at = next(i for i, r in enumerate(rows) if r.getRoleName() in ("text", "combo box")
              and r.name == name)
    texts = []
    for row in rows[at + 1:]:
        if row.getRoleName() in ("text", "combo box"):
            break
        texts += [text_of(a) for a in walk(row) if a.getRoleName() == "label"]
    return texts


def find_nationality(form, group, typed):
    """Opens the nationality row and types part of a country's name."""
    tab_to(form, group, "الجنسية")
    press(KEY_RETURN)
    search = wait_for(lambda: next((a for a in walk(form) if a.getRoleName() in ("entry", "text")
                                    and a.getState().contains(pyatspi.STATE_FOCUSED)), None),
                      "the country search after Return")
    search.queryEditableText().setTextContents(typed)
    time.sleep(0.5)
    press(KEY_RETURN)
    time.sleep(0.3)


def pick_a_date(form, group, name):
    """Tabs to the calendar button beside a date, opens it and takes the
    day it shows with Return."""
    button = next(a for a in walk(field(form, group, name)) if a.getRoleName() == "push button"
                  and a.queryAction().nActions > 0)
    for _ in range(80):
        if button.getState().contains(pyatspi.STATE_FOCUSED):
            break
        press(KEY_TAB)
    press(KEY_SPACE)
    time.sleep(0.5)
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
    type_into(form, libyan, "الرقم الوطني", "12345")
    beside = wait_for(lambda: [t for t in message_beside(form, libyan, "الرقم الوطني") if t],
                      "the message beside a wrong national number")
    check(any("12" in t for t in beside),
          f"a wrong national number shows its error right under the field ({beside})")
    for name, text in (("الاسم", "سالم"), ("اسم الأب", "مفتاح"), ("اسم الجد", "علي"),
                       ("اسم العائلة", "الزوي"), ("تاريخ الميلاد", "1985-03-14"),
                       ("الرقم الوطني", NATIONAL_NUMBER)):
        type_into(form, libyan, name, text)
    for name, text in (("الاسم", "ماريا"), ("الاسم بالحروف اللاتينية", "Maria Garcia"),
                       ("تاريخ الميلاد", "1990-06-01"), ("رقم جواز السفر", "p 123-4567"),
                       ("تاريخ انتهاء جواز السفر", "٢٠٣٠-٠١-٠١")):
        type_into(form, foreign, name, text)
    choose(form, file_group, "صفة الزوجين", 1)
    filled = (value_of(form, libyan, "الجنس"), value_of(form, libyan, "الجنسية"),
              value_of(form, foreign, "الجنس"), value_of(form, foreign, "الجنسية"))
    check(filled == (["ذكر"], ["ليبيا"], ["أنثى"], ["لم يُختر"]),
          f"«ليبي وأجنبية» fills in the sexes and the Libyan's nationality ({filled})")
    find_nationality(form, foreign, "مصر")
    egypt = value_of(form, foreign, "الجنسية")
    check(egypt == ["مصر"], f"typing «مصر» in the nationality chooses Egypt ({egypt})")

    type_into(form, file_group, "تاريخ الاستلام", "")
    pick_a_date(form, file_group, "تاريخ الاستلام")
    picked = text_of(field(form, file_group, "تاريخ الاستلام"))
    today = time.strftime("%Y-%m-%d", time.gmtime())
    check(picked == today, f"the calendar beside a date writes it year first ({picked!r})")

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

    search = wait_for(lambda: find_role(root, "entry"), "the search entry of the file list")
    search.queryEditableText().setTextContents(NATIONAL_NUMBER)

    def found():
        _, rows = data_rows(table)
        texts = [cell_texts(r) for r in rows]
        return texts if len(texts) == 1 and texts[0][0] == number else None

    rows = wait_for(found, "the new file found by its national number")
    check(rows[0][1].startswith("سالم مفتاح علي الزوي"), f"the table shows it ({rows[0]})")
    edit_while_saved_elsewhere(root, table, number)
    second_file(root, number)


def second_file(root, number):
    """The same Libyan party typed again: the warning comes under the name
    being typed; Escape asks before the typing is lost."""
    press_with_control(KEYCODE_N)
    form = wait_for(lambda: form_frame(root, "ملف زواج جديد"), "a second new-file form")
    press(KEY_ESCAPE)
    wait_for(lambda: form_frame(root, "ملف زواج جديد") is None, "the empty form closed by Escape")
    check(True, "Escape closes a form nothing was typed in, without asking")

    press_with_control(KEYCODE_N)
    form = wait_for(lambda: form_frame(root, "ملف زواج جديد"), "a third new-file form")
    libyan = "الطرف الليبي"
    for name, text in (("تاريخ الميلاد", "1985-03-14"), ("اسم الأب", "مفتاح"),
                       ("اسم الجد", "علي"), ("اسم العائلة", "الزوي"), ("الاسم", "سالم")):
        type_into(form, libyan, name, text)
    warning = wait_for(lambda: [t for t in message_beside(form, libyan, "الاسم") if number in t],
                       "the duplicate warning beside the name")
    check(len(warning) == 1, f"the duplicate warning is right under the name typed ({warning})")

    tab_to(form, "الطرف الأجنبي", "الجنسية")
    for key in (ord("e"), ord("g"), ord("y"), KEY_RETURN):
        press(key)
    time.sleep(0.5)
    egypt = value_of(form, "الطرف الأجنبي", "الجنسية")
    check(egypt == ["مصر"], f"typing “egy” on the nationality row chooses Egypt ({egypt})")

    press(KEY_ESCAPE)
    keep = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                  and "واصل التحرير" in (a.name or "")), None),
                    "the question before discarding a half-filled form")
    check(True, "Escape on a half-filled form asks before discarding it")
    keep.queryAction().doAction(0)
    time.sleep(1)
    kept = text_of(field(form, libyan, "الاسم"))
    check(form_frame(root, "ملف زواج جديد") is not None and kept == "سالم",
          f"Keep editing keeps the form and what was typed ({kept!r})")


if __name__ == "__main__":
    sys.exit(run(main, results))
