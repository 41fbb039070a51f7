#!/usr/bin/python3
"""Opens the main window on a seeded database and checks, through the
accessibility tree as a screen reader sees it: a table of files with rows,
Arabic column headers, right-to-left layout, the details of a selected file,
and a search that folds Arabic spelling variants."""

import json
import os
import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

ARABIC = re.compile("[\u0600-\u06ff]")
FOLD = re.compile("[\u064b-\u065f\u0670\u0640]")
ISOLATES = "\u2066\u2067\u2068\u2069"
passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print("ok -", what)
    else:
        failed += 1
        print("not ok -", what)


def walk(acc):
    if acc is None:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:
        return
    for i in range(n):
        yield from walk(acc.getChildAtIndex(i))


def text_of(acc):
    try:
        text = acc.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return acc.name or ""


def attributes(acc):
    try:
        raw = acc.queryText().getDefaultAttributes()
    except NotImplementedError:
        return {}
    return dict(item.split(":", 1) for item in raw.split(";") if ":" in item)


def wait_for(find, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = find()
        except (GLib.Error, AttributeError):
            found = None  # rows went away while being read: read again
        if found:
            return found
        time.sleep(0.2)
    raise SystemExit(f"not ok - {what}: not found within {timeout} s\n0 passed, 1 failed")


def app_root():
    try:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == "lajna":
                return app
    except Exception:
        pass  # the registry may not answer yet
    return None


def find_role(root, role):
    return next((a for a in walk(root) if a.getRoleName() == role), None)


def data_rows(table):
    rows_list = next((a for a in walk(table) if a.getRoleName() == "list"), None)
    if rows_list is None:
        return None, []
    rows = [rows_list.getChildAtIndex(i) for i in range(rows_list.childCount)]
    return rows_list, [r for r in rows if r is not None and r.getRoleName() == "table row"]


def cell_texts(row):
    texts = []
    for i in range(row.childCount):
        cell = row.getChildAtIndex(i)
        inner = cell.getChildAtIndex(0) if cell.childCount else cell
        texts.append(text_of(inner).strip(ISOLATES))
    return texts


def loaded_rows(table):
    _, rows = data_rows(table)
    rows = [r for r in rows if "…" not in cell_texts(r)[0]]
    return rows if len(rows) >= 5 else None


app = None


def main():
    global app
    app = subprocess.Popen(sys.argv[1:])
    try:
        def started():
            global app
            # A start that could not reach the display is retried.
            if app.poll() is not None:
                print("# the app exited with", app.returncode, "- starting it again")
                app = subprocess.Popen(sys.argv[1:])
                return None
            return app_root()

        root = wait_for(started, "the application on the accessibility bus")
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
    finally:
        app.terminate()
        code = app.wait(timeout=60)
    check(code == 0, f"the app quits cleanly on SIGTERM (exit {code})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
