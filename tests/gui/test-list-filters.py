#!/usr/bin/python3
"""Filters the file list and opens a follow-up list from the Filter button
in the header bar, through the accessibility tree: each choice changes the
rows and the count under the list to what `lajnactl case list` gives with
the same flags, shows the filter in use above the list, and taking it off
there brings the list back."""

import json
import os
import re
import subprocess
import sys

from lajna_atspi import Results, cell_texts, data_rows, find_role, run, text_of, wait_for, walk

# Each name as the interface says it in Arabic, or in English while its
# translation is not yet in the catalogue.
FILTER = ("تصفية", "Filter")
MISSING = ("الملفات الناقصة المستندات فقط", "Only files with documents missing")
OVERDUE = ("فات موعد المراجعة", "Review overdue")
WAITING = ("في انتظار المستندات لأكثر من", "Waiting on documents for more than")
OVERDUE_SHOWN = ("إزالة عامل التصفية «فات موعد المراجعة»", "Remove the filter “Review overdue”")
REMOVE = ("إزالة عامل التصفية «مستندات ناقصة»", "Remove the filter “Documents missing”")
COUNT = re.compile(r"^\u2068?(?:\u2068(\d+)\u2069 ملف(?:ات|ًا)?|ملف واحد|ملفان|لا ملفات)$")
WORDS = {"لا ملفات": 0, "ملف واحد": 1, "ملفان": 2}
results = Results()
check = results.check


def listed(*flags):
    """The files lajnactl lists with flags, newest first."""
    out = subprocess.run([os.environ["LAJNACTL"], "case", "list", *flags, "--limit", "100000",
                          "--json"], check=True, capture_output=True, text=True).stdout
    return [f["file_number"] for f in json.loads(out)]


def count_shown(root):
    """The count under the list, as a number, once it is counted."""
    for a in walk(root):
        if a.getRoleName() != "label":
            continue
        text = text_of(a).replace("\u2066", "").replace("\u2069", "\u2069")
        match = COUNT.match(text.strip())
        if match:
            return int(match.group(1)) if match.group(1) else WORDS[match.group(0)]
    return None


def named(root, roles, names):
    return next((a for a in walk(root) if a.getRoleName() in roles
                 and (a.name or "").replace("_", "").startswith(names)), None)


def press_named(root, roles, names):
    """Presses a button or a switch (a check box to AT-SPI in GTK 4.8)."""
    wait_for(lambda: named(root, roles, names), f"{names[-1]}").queryAction().doAction(0)


def shows(root, table, numbers, what):
    """Waits for the list to show numbers at its top and count them all."""
    def shown():
        _, rows = data_rows(table)
        # A row being rebuilt has no cells yet: it is read again next time.
        texts = [cell_texts(r) for r in rows]
        top = [t[0] for t in texts if t and "…" not in t[0]][:5]
        return top == numbers[:5] and count_shown(root) == len(numbers)

    wait_for(shown, what, timeout=60)
    check(True, f"{what}: {len(numbers)} files, the first as lajnactl lists them")


def main(root):
    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    every = listed()
    shows(root, table, every, "the whole list")

    press_named(root, ("push button",), FILTER)
    press_named(root, ("switch", "check box"), MISSING)
    missing = listed("--missing-documents")
    check(0 < len(missing) < len(every), "some files but not all lack documents")
    shows(root, table, missing, "files with documents missing")
    check(named(root, ("push button",), REMOVE) is not None,
          "the filter in use is shown above the list, with a button to take it off")

    press_named(root, ("toggle button", "push button"), WAITING)
    waiting = listed("--missing-documents", "--waiting-days", "30")
    shows(root, table, waiting, "the follow-up list of files waiting more than 30 days")

    press_named(root, ("toggle button", "push button"), OVERDUE)
    # The filters above the list are made again for the list chosen.
    wait_for(lambda: named(root, ("push button",), OVERDUE_SHOWN), "the overdue list shown in use")
    press_named(root, ("push button",), REMOVE)
    overdue = listed("--overdue")
    check(0 < len(overdue) < len(every), "some juvenile reviews are overdue")
    shows(root, table, overdue, "the overdue reviews once documents missing is taken off")


if __name__ == "__main__":
    sys.exit(run(main, results))
