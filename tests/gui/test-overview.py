#!/usr/bin/python3
"""Opens the overview beside the file list and reads it as a screen reader
does: each key figure a card named by what it counts and its number, the
numbers those `lajnactl stats` counts for this year, and each chart with a
table of its figures beside it; a committee chosen in the sidebar shows
that committee's figures, and "Export as PDF" writes its statistics report
for the period shown."""

import json
import os
import re
import subprocess

import pyatspi
from lajna_atspi import Results, find_role, run, save_as, text_of, wait_for, walk

RECEIVED = "الملفات المستلمة: "
results = Results()
check = results.check


def counted(*flags):
    """This year's figures as lajnactl counts them, labelled in Arabic."""
    out = subprocess.run([os.environ["LAJNACTL"], "stats", "--json", *flags], check=True,
                         env=dict(os.environ, LANGUAGE="ar"), capture_output=True,
                         text=True).stdout
    return json.loads(out)


def card(root, title):
    """The number on the card whose name starts with title."""
    found = next((a for a in walk(root) if (a.name or "").startswith(title)), None)
    return found.name[len(title):] if found is not None else None


def main(root):
    window = wait_for(lambda: next((root.getChildAtIndex(i) for i in range(root.childCount)
                                    if root.getChildAtIndex(i).getRoleName() == "frame"), None),
                      "the main window")
    tab = wait_for(lambda: next((a for a in walk(window) if a.name == "نظرة عامة"
                                 and a.getRoleName() != "label"), None), "the overview's tab")
    tab.queryAction().doAction(0)

    everything = counted()
    wait_for(lambda: card(window, RECEIVED) == str(everything["received"]),
             "the files received this year, as lajnactl counts them")
    check(True, f"the overview counts {everything['received']} files received this year")
    overdue = card(window, "المراجعات المتأخرة: ")
    check(overdue == str(everything["reviews_overdue"]),
          f"the overdue reviews are those counted ({overdue})")

    tables = [a for a in walk(window) if a.getRoleName() in ("list", "table")
              and any(c is not None and c.getRoleName() in ("list item", "table row")
                      for c in (a.getChildAtIndex(i) for i in range(a.childCount)))]
    outcome = next((t for t in tables if any(
        item["label"] in text_of(cell) for item in everything["decided"]
        for cell in walk(t) if cell.getRoleName() == "label")), None)
    check(outcome is not None, "a chart's table names the outcomes decided this year")

    committees = find_role(window, "list", "اللجان")
    rows = [committees.getChildAtIndex(i) for i in range(committees.childCount)]
    juvenile = next(r for r in rows if "الأحداث - طرابلس" in "".join(
        text_of(a) for a in walk(r) if a.getRoleName() == "label"))
    committee_id = subprocess.run(
        ["psql", "-X", "-A", "-t", "-h", os.path.join(os.environ["LAJNA_DATA_DIR"], "run"),
         "-d", "lajna", "-c", "SELECT id FROM committee WHERE code = 'juvenile-tripoli'"],
        check=True, capture_output=True, text=True).stdout.strip()
    committees.querySelection().selectChild(rows.index(juvenile))
    one = counted("--committee", committee_id)
    wait_for(lambda: card(window, RECEIVED) == str(one["received"]),
             "the committee's files received this year")
    check(one["received"] < everything["received"],
          f"the committee's own figures are shown ({one['received']} received)")
    check(juvenile.getState().contains(pyatspi.STATE_SELECTED), "the committee is selected")

    export_report(root, window, "الأحداث - طرابلس", one)


def export_report(root, window, committee, figures):
    """Saves the overview as a PDF through the file chooser: the report
    names the committee and holds the figures shown."""
    path = os.path.join(os.environ["LAJNA_DATA_DIR"], "statistics.pdf")
    button = wait_for(lambda: next((a for a in walk(window) if a.getRoleName() == "push button"
                                    and "تصدير" in (a.name or "") and "…" in a.name),
                                   None),
                      "the overview's export button")
    button.queryAction().doAction(0)
    save_as(root, "حفظ الإحصاءات", path)
    text = subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    check(all(word in flat for word in committee.split() if len(word) > 1),
          "the report names the committee chosen")
    check(str(figures["received"]) in text,
          f"the report holds the files received ({figures['received']})")


raise SystemExit(run(main, results))
