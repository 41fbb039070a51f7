#!/usr/bin/python3
"""Opens the main window on a seeded database and checks, through the
accessibility tree as a screen reader sees it: a table of files with rows,
Arabic column headers, right-to-left layout, the details of a selected file,
a search that folds Arabic spelling variants, and, in Arabic, help on the
day's tasks (F1) and the shortcuts (Ctrl+?)."""

import json
import os
import re
import subprocess
import sys
import time

import pyatspi
from lajna_atspi import (ARABIC, Results, attributes, cell_texts, data_rows, find_role,
                         press, press_with_control, run, save_as, text_of, wait_for,
                         walk)

KEYCODE_L = 46
KEYCODE_N = 57
KEYCODE_M = 58
KEYSYM_RETURN = 0xff0d  # Latin characters are their own key symbols
KEYSYM_PAGE_DOWN = 0xff56
KEYSYM_ESCAPE = 0xff1b
KEYSYM_F1 = 0xffbe
KEYCODE_CONTROL = 37
KEYCODE_SHIFT = 50
KEYCODE_SLASH = 61

FOLD = re.compile("[\u064b-\u065f\u0670\u0640]")
results = Results()
check = results.check


def label_with(root, words):
    return next((a for a in walk(root) if a.getRoleName() == "label" and words in text_of(a)),
                None)


def give_password(root, password):
    entry = wait_for(lambda: next((a for a in walk(root) if a.name == "كلمة المرور"
                                   and a.getState().contains(pyatspi.STATE_EDITABLE)
                                   and a.getState().contains(pyatspi.STATE_FOCUSED)), None),
                     "the focused password entry")
    entry.queryEditableText().setTextContents(password)
    press(KEYSYM_RETURN)


def loaded_rows(table):
    _, rows = data_rows(table)
    rows = [r for r in rows if "…" not in cell_texts(r)[0]]
    return rows if len(rows) >= 5 else None


def export_selected(root, file_number):
    """Exports the file shown as a PDF through the file chooser; the PDF
    holds the file's number and the export is in its access history."""
    path = os.path.join(os.environ["LAJNA_DATA_DIR"], "exported.pdf")
    button = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and "تصدير" in (a.name or "")), None), "the export button")
    button.queryAction().doAction(0)
    save_as(root, "تصدير الملف", path)
    text = subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    digits = file_number.split("/", 1)[1]
    check(digits in text, f"the exported PDF holds the file number ({file_number})")
    found = json.loads(subprocess.run(
        [os.environ["LAJNACTL"], "case", "search", file_number, "--json"],
        check=True, capture_output=True, text=True).stdout)
    shown = subprocess.run([os.environ["LAJNACTL"], "case", "show", str(found[0]["id"])],
                           check=True, capture_output=True, text=True).stdout
    check("exported the file as a PDF" in shown, "the export is in the file's access history")
    attach_document(root, path, found[0]["id"])


def attach_document(root, path, case_id):
    """Attaches a PDF to the file shown through Attach… and the file
    chooser, typing its path as a person would; it is listed in the view
    and stored for the file."""
    button = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and "إرفاق مستندات" in (a.name or "")), None),
                      "the attach button")
    button.queryAction().doAction(0)
    wait_for(lambda: next((root.getChildAtIndex(i) for i in range(root.childCount)
                           if "إرفاق مستندات" in (root.getChildAtIndex(i).name or "")), None),
             "the file chooser")
    time.sleep(0.5)
    for ch in path:
        press(ord(ch))
    press(KEYSYM_RETURN)
    name = os.path.basename(path)
    wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "label"
                           and name in text_of(a)), None), "the attached document in the list")
    listed = json.loads(subprocess.run(
        [os.environ["LAJNACTL"], "doc", "list", "--case", str(case_id), "--json"],
        check=True, capture_output=True, text=True).stdout)
    check(any(d["title"] == name and d["mime_type"] == "application/pdf" for d in listed),
          f"the attached PDF is stored for the file ({len(listed)} documents)")
    view_document(root, name)


def view_document(root, name):
    """Opens the attached document in the viewer and moves a page on."""
    button = next(a for a in walk(root) if a.getRoleName() == "push button"
                  and "فتح المستند" in (a.name or ""))
    button.queryAction().doAction(0)
    position = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "label"
                                      and re.fullmatch(r"صفحة \u2068?1\u2069? من \u2068?\d+\u2069?",
                                                       text_of(a))), None),
                        "the viewer on page 1")
    pages = int(re.findall(r"\d+", text_of(position))[-1])
    check(pages >= 2, f"the viewer shows the document's {pages} pages")
    press(KEYSYM_PAGE_DOWN)
    wait_for(lambda: re.match(r"صفحة \u2068?2", text_of(position)), "page 2 after Page Down")
    check(True, "Page Down moves to the next page")
    press(KEYSYM_ESCAPE)


def window_titled(root, title):
    return next((root.getChildAtIndex(i) for i in range(root.childCount)
                 if root.getChildAtIndex(i).name == title), None)


def help_and_shortcuts(root):
    """F1 opens help on the day's tasks, Ctrl+? the shortcuts; in Arabic."""
    press(KEYSYM_F1)
    window = wait_for(lambda: window_titled(root, "مساعدة"), "the help window after F1")
    check(label_with(window, "تسجيل ملف") is not None
          and label_with(window, "إصدار القرار وتوقيعه") is not None,
          "F1 opens help on the day's tasks, from registering a file to signing its ruling")
    press(KEYSYM_ESCAPE)
    wait_for(lambda: window_titled(root, "مساعدة") is None, "the help window closed by Escape")
    for keycode in (KEYCODE_CONTROL, KEYCODE_SHIFT):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_SLASH, None, pyatspi.KEY_PRESSRELEASE)
    for keycode in (KEYCODE_SHIFT, KEYCODE_CONTROL):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)
    wait_for(lambda: label_with(root, "البحث في الملفات"), "the shortcuts window after Ctrl+?")
    check(label_with(root, "تدوير الصفحات باتجاه عقارب الساعة") is not None,
          "Ctrl+? lists the shortcuts, the viewer's among them, in Arabic")
    press(KEYSYM_ESCAPE)


def main(root):
    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    check(ARABIC.search(table.name or ""), f"the table has an Arabic name ({table.name!r})")

    rows = wait_for(lambda: loaded_rows(table), "rows in the file table")
    check(len(rows) >= 5, f"the table shows rows ({len(rows)} on screen)")

    header = table.getChildAtIndex(0)
    headers = [next(a for a in walk(header.getChildAtIndex(i)) if a.getRoleName() == "label")
               for i in range(header.childCount)]
    names = [text_of(h) for h in headers]
    check(len(names) == 5 and all(ARABIC.search(n) for n in names),
          f"the column headers are Arabic: {names}")
    check("رقم الملف" in names, "the file-number column is headed رقم الملف")
    check(all(attributes(h).get("justification") == "right" for h in headers),
          "the headers are laid out right-to-left (start-aligned text is justified right)")

    texts = cell_texts(rows[0])
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", texts[4]) is not None,
          f"the received date reads year first: {texts[4]!r}")
    check(ARABIC.search(texts[1]) is not None, f"the name is Arabic: {texts[1]!r}")

    rows_list, _ = data_rows(table)
    rows_list.querySelection().selectChild(0)
    # Group titles that only the details of a selected file have.
    heading = wait_for(lambda: next((a for a in walk(root)
                                     if a.getRoleName() == "label"
                                     and text_of(a) in ("الطرف الليبي", "الحدث")), None),
                       "the selected file's parties")
    check(heading is not None, f"selecting a file shows its parties ({text_of(heading)})")
    export_selected(root, texts[0])

    entry = find_role(root, "entry")
    entry.queryEditableText().setTextContents("احمد")

    expected = json.loads(subprocess.run(
        [os.environ["LAJNACTL"], "case", "search", "احمد", "--limit", "20", "--json"],
        check=True, capture_output=True, text=True).stdout)
    expected_numbers = [f["file_number"] for f in expected]

    def searched():
        _, found = data_rows(table)
        texts = [cell_texts(r) for r in found]
        numbers = [t[0] for t in texts if t[0] and "…" not in t[0]]
        return texts if numbers[:10] == expected_numbers[:10] else None

    found = wait_for(searched, "search results for احمد as lajnactl finds them")
    check(len(expected) > 0, f"searching احمد lists the files lajnactl finds ({len(expected)})")
    spellings = {w for t in found[:20] for w in t[1].split()
                 if FOLD.sub("", w).replace("أ", "ا").replace("إ", "ا") == "احمد"}
    check(spellings - {"احمد"}, f"they include other spellings of احمد: {sorted(spellings)}")

    # Ctrl+L hides the files until the account's password is given; while
    # locked, no shortcut opens a form or the meetings.
    frame = next(root.getChildAtIndex(i) for i in range(root.childCount)
                 if root.getChildAtIndex(i).getRoleName() == "frame")
    press_with_control(KEYCODE_L)
    wait_for(lambda: frame.name == "لجنة (مقفلة)", "the locked window after Ctrl+L")
    check(not table.getState().contains(pyatspi.STATE_SHOWING), "locking hides the file table")

    def shown_windows():
        return [root.getChildAtIndex(i).name for i in range(root.childCount)
                if root.getChildAtIndex(i).getState().contains(pyatspi.STATE_VISIBLE)]

    press_with_control(KEYCODE_N)
    press_with_control(KEYCODE_M)
    time.sleep(2)
    check(shown_windows() == ["لجنة (مقفلة)"],
          f"while locked, Ctrl+N and Ctrl+M open nothing (windows shown: {shown_windows()})")
    unlock = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and "فتح القفل" in (a.name or "")), None), "the unlock button")
    unlock.queryAction().doAction(0)
    wait_for(lambda: label_with(root, "الملفات مخفية حتى تُعطى كلمة مرور حساب الحاسوب"),
             "the unlock dialog asking for the account's password")
    give_password(root, "not the password")
    wait_for(lambda: label_with(root, "ليست هذه كلمة مرور الحساب"), "the refusal to unlock")
    check(frame.name == "لجنة (مقفلة)", "a wrong password leaves Lajna locked")
    give_password(root, os.environ["LAJNA_TEST_ACCOUNT_PASSWORD"])
    wait_for(lambda: frame.name == "لجنة", "the window unlocked")
    check(True, "the account's password unlocks Lajna and shows the files again")
    help_and_shortcuts(root)

if __name__ == "__main__":
    sys.exit(run(main, results))
