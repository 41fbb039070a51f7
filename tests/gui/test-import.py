#!/usr/bin/python3
"""Imports a spreadsheet through the main menu, as a clerk would: Import
Files… opens the file chooser, where the sheet's path is typed; the dialog
shows its rows, the row with an error marked with it and the others valid,
and importing all or nothing is not offered while a row has an error.
Importing the valid rows only registers them, and the file list shows them.
Then a large sheet is imported and cancelled while its files are being
written: the dialog closes and nothing was written. Last, an Excel workbook,
which the chooser's filter offers, is previewed and imported the same way.

The new strings are looked for in English and in Arabic, so that the test
holds before and after their translations reach po/ar.po."""

import datetime
import os
import re
import subprocess
import zipfile
from xml.sax.saxutils import escape

import pyatspi
from gi.repository import GLib
from lajna_atspi import (Results, cell_texts, data_rows, find_role, menu_item, run, type_location,
                         wait_for, walk)

FAMILY = "المستوردي"
results = Results()
check = results.check

HEADER = ("committee,received_on,direction,libyan_party.name,libyan_party.father_name,"
          "libyan_party.grandfather_name,libyan_party.family_name,libyan_party.sex,"
          "libyan_party.birth_date,libyan_party.nationality,libyan_party.national_number,"
          "foreign_party.name,foreign_party.latin_name,foreign_party.sex,"
          "foreign_party.birth_date,foreign_party.nationality,foreign_party.passport_number,"
          "foreign_party.passport_expiry\n")


def sql(query):
    """Another workstation: psql on the app's own database."""
    return subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-h", os.path.join(os.environ["LAJNA_DATA_DIR"], "run"),
         "-d", "lajna", "-c", query],
        check=True, capture_output=True, text=True).stdout.strip()


def plain(text):
    return re.sub("[\u2066-\u2069]", "", text or "")


def named(acc, *names):
    """Whether acc is called one of names, its mnemonic's mark aside."""
    return plain(acc.name).replace("_", "") in names


def row(committee, i, national_number=None):
    number = national_number or f"11990{i:07d}"
    return (f"{committee},2026-11-20,libyan_man,أحمد,محمد,علي,{FAMILY},m,1990-03-15,LY,{number},"
            f"منى,Mona Hassan,f,1992-06-01,EG,A{i:07d},2031-01-31\n")


def write_sheet(path, rows):
    with open(path, "w", encoding="utf-8") as sheet:
        sheet.write("\ufeff" + HEADER + "".join(rows))


def write_workbook(path, rows):
    """A workbook as Excel writes one, its text inline, its dates in format 14 (a date), each
    row (number, cells) placed by its cells' references."""
    def cell(column, number, text):
        ref = f"{chr(ord('A') + column)}{number}"
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            days = (datetime.date.fromisoformat(text) - datetime.date(1899, 12, 30)).days
            return f'<c r="{ref}" s="1"><v>{days}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'

    sheet = "".join(f'<row r="{n}">' + "".join(cell(c, n, t) for c, t in enumerate(cells))
                    + "</row>" for n, cells in rows)
    types = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("_rels/.rels", f'<Relationships><Relationship Id="rId1" '
                      f'Type="{types}officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="Files" '
                      'sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships>'
                      f'<Relationship Id="rId1" Type="{types}worksheet" Target="sheet.xml"/>'
                      f'<Relationship Id="rId2" Type="{types}styles" Target="styles.xml"/>'
                      f'</Relationships>')
        book.writestr("xl/styles.xml", '<styleSheet><cellXfs><xf numFmtId="0"/>'
                      '<xf numFmtId="14"/></cellXfs></styleSheet>')
        book.writestr("xl/sheet.xml", f"<worksheet><sheetData>{sheet}</sheetData></worksheet>")


def windows(root):
    return [root.getChildAtIndex(i) for i in range(root.childCount)]


def import_dialog(root):
    """The dialog, once it shows a sheet's rows."""
    for window in windows(root):
        if window is None or not named(window, "Import Files", "استيراد ملفات"):
            continue
        table = next((a for a in walk(window) if a.getRoleName() == "tree table"
                      and named(a, "Rows of the file", "صفوف الملف")), None)
        if table is not None and data_rows(table)[1]:
            return window, table
    return None


def choose(root, path, offered=None):
    """Import Files…, the path typed in the file chooser; the dialog. The chooser's filter
    is checked to be named one of offered, when given."""
    menu_item(root, "Import Files…", "استيراد ملفات…")
    chooser = wait_for(lambda: next((w for w in windows(root)
                                     if w is not None and named(w, "Import Files", "استيراد ملفات")
                                     and any(a.getRoleName() == "text" for a in walk(w))), None),
                       "the file chooser")
    if offered:
        names = {plain(a.name) for a in walk(chooser)}
        check(any(name in names for name in offered), f"the chooser offers {offered[0]}")
    type_location(chooser, path)
    return wait_for(lambda: import_dialog(root), "the import dialog with the sheet's rows")


def button(window, *names):
    """A button by its label (GTK 4.8 names one "_Label Label")."""
    return next((a for a in walk(window) if a.getRoleName() == "push button"
                 and plain(a.name).endswith(names)), None)


def outside_tables(acc):
    """The accessibles under acc, but for the rows of its tables."""
    yield acc
    if acc.getRoleName() == "tree table":
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from outside_tables(child)


def is_sensitive(acc):
    return acc.getState().contains(pyatspi.STATE_SENSITIVE)


def gone(window):
    """Whether the dialog closed."""
    try:
        return not window.getState().contains(pyatspi.STATE_VISIBLE)
    except GLib.Error:
        return True  # no longer there


def import_valid_rows(root, folder, committee):
    path = os.path.join(folder, "intake.csv")
    write_sheet(path, [row(committee, 9001), row(committee, 9002, "1199"),
                       row(committee, 9003), row(committee, 9004)])
    dialog, table = choose(root, path)

    _, rows = data_rows(table)
    texts = {t[0]: t for t in (cell_texts(r) for r in rows)}
    check(sorted(texts) == ["2", "3", "4", "5"],
          f"the preview shows the sheet's rows {sorted(texts)}")
    check(all(texts[n][1] in ("Valid", "صحيح") for n in ("2", "4", "5")),
          "the valid rows are marked valid")
    check("libyan_party.national_number" in plain(texts["3"][1])
          and texts["3"][1] not in ("Valid", "صحيح"),
          f"row 3 shows its error, in its column: {plain(texts['3'][1])!r}")
    check("أحمد" in texts["2"][2] and "2031-01-31" in texts["2"][2],
          f"a row shows its cells ({plain(texts['2'][2])!r})")

    import_button = button(dialog, "Import", "استورد")
    check(not is_sensitive(import_button),
          "importing all or nothing is not offered while a row has an error")
    valid_only = next(a for a in walk(dialog) if a.getRoleName() in ("switch", "check box")
                      and plain(a.name).endswith(("Leave Out the Rows With Errors",
                                                  "اترك الصفوف التي فيها أخطاء")))
    valid_only.queryAction().doAction(0)
    wait_for(lambda: is_sensitive(import_button), "the Import button for the valid rows")
    import_button.queryAction().doAction(0)
    wait_for(lambda: gone(dialog), "the dialog closed after the import")
    stored = sql("SELECT count(*) FROM person WHERE family_name = '" + FAMILY + "'")
    check(stored == "3", f"the three valid rows are registered ({stored} people)")

    entry = wait_for(lambda: next((a for a in outside_tables(root) if a.getRoleName() == "entry"),
                                  None), "the search entry")
    entry.queryEditableText().setTextContents(FAMILY)
    files = wait_for(lambda: find_role(root, "tree table"), "the file table")

    def listed():
        _, found = data_rows(files)
        names = [cell_texts(r)[1] for r in found]
        return names if len(names) == 3 and all(FAMILY in n for n in names) else None

    check(wait_for(listed, "the imported files in the list"), "the file list shows the new files")
    entry.queryEditableText().setTextContents("")


def cancel_import(root, folder, committee):
    path = os.path.join(folder, "large.csv")
    write_sheet(path, [row(committee, 100000 + i) for i in range(12000)])
    before = sql("SELECT count(*) FROM case_file")
    dialog, _ = choose(root, path)
    import_button = button(dialog, "Import", "استورد")
    wait_for(lambda: is_sensitive(import_button), "the Import button")
    import_button.queryAction().doAction(0)
    bar = wait_for(lambda: next((a for a in outside_tables(dialog)
                                 if a.getRoleName() == "progress bar"
                                 and a.queryValue().currentValue >= 0.3), None),
                   "the progress bar past the reading")
    check(bar is not None, "the import shows its progress")
    cancel = button(dialog, "Cancel", "إلغاء")
    cancel.queryAction().doAction(0)
    wait_for(lambda: gone(dialog), "the dialog closed after Cancel", timeout=60)
    after = sql("SELECT count(*) FROM case_file")
    check(after == before, f"a cancelled import writes nothing ({before} files, then {after})")


def import_workbook(root, folder, committee):
    path = os.path.join(folder, "register.xlsx")
    header = HEADER.strip().split(",")
    cells = [row(committee, 9100 + i).strip().split(",") for i in range(2)]
    # Row 3 left out of the sheet, as after a deleted row.
    write_workbook(path, [(1, header), (2, cells[0]), (4, cells[1])])
    dialog, table = choose(root, path, ("Spreadsheets (CSV, Excel)", "جداول بيانات (CSV، Excel)"))

    _, rows = data_rows(table)
    texts = {t[0]: t for t in (cell_texts(r) for r in rows)}
    check(sorted(texts) == ["2", "4"], f"the preview numbers the rows as the sheet does "
                                       f"{sorted(texts)}")
    check(all(texts[n][1] in ("Valid", "صحيح") for n in texts), "the workbook's rows are valid")
    check("2026-11-20" in texts["2"][2] and "أحمد" in texts["2"][2],
          f"a date cell is shown as a date ({plain(texts['2'][2])!r})")
    import_button = button(dialog, "Import", "استورد")
    wait_for(lambda: is_sensitive(import_button), "the Import button")
    import_button.queryAction().doAction(0)
    wait_for(lambda: gone(dialog), "the dialog closed after the import")
    stored = sql("SELECT count(*) FROM person WHERE national_number IN "
                 "('119900009100', '119900009101')")
    check(stored == "2", f"the workbook's files are registered ({stored} people)")


def main(root):
    wait_for(lambda: find_role(root, "list", "اللجان"), "the committee list")
    committee = sql("SELECT code FROM committee WHERE kind = 'marriage' ORDER BY id LIMIT 1")
    folder = os.environ["LAJNA_DATA_DIR"]
    import_valid_rows(root, folder, committee)
    cancel_import(root, folder, committee)
    import_workbook(root, folder, committee)


if __name__ == "__main__":
    raise SystemExit(run(main, results))
