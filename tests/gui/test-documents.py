#!/usr/bin/python3
"""A file's documents in the app, through the accessibility tree: a
200-page 300-dpi colour scan opens in the viewer, which is moved through by
keyboard and by its sidebar of pages, each time showing the page it names,
fitted whole and turned; then two pages are scanned through SANE's test backend, the
second turned, and saved into the file's first missing checklist slot."""

import json
import os
import re
import subprocess
import time

import pyatspi
from gi.repository import GLib
from lajna_atspi import (Results, open_document, open_file, press, press_with_control, run,
                         text_of, wait_for, walk)

KEYSYM_END = 0xff57
KEYSYM_HOME = 0xff50
KEYSYM_PAGE_DOWN = 0xff56
KEYSYM_ESCAPE = 0xff1b
KEYCODE_R = 27

results = Results()
check = results.check
lajnactl = os.environ["LAJNACTL"]
data_dir = os.environ["LAJNA_DATA_DIR"]


def ctl(*args):
    return subprocess.run([lajnactl, *args], check=True, capture_output=True, text=True).stdout


def prepare():
    """A 200-page scan attached to the first file; SANE's test backend as
    the only scanner."""
    scan = os.path.join(data_dir, "scan200.pdf")
    subprocess.run([os.environ["LAJNA_SCAN_FILE"], "200", scan], check=True)
    case = json.loads(ctl("case", "list", "--limit", "1", "--json"))[0]
    ctl("doc", "import", "--case", str(case["id"]), scan)
    sane = os.path.join(data_dir, "sane")
    os.makedirs(sane)
    with open(os.path.join(sane, "dll.conf"), "w") as conf:
        conf.write("test\n")
    os.environ["SANE_CONFIG_DIR"] = sane
    return case


def extents(acc):
    return acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def bare(name):
    return (name or "").replace("\u2068", "").replace("\u2069", "")


def named(root, role, name):
    """The accessible of that role and name, or None (also when the tree
    changes under the search)."""
    try:
        return next((a for a in walk(root) if a.getRoleName() == role and bare(a.name) == name),
                    None)
    except GLib.Error:
        return None


def window_named(root, title):
    return next((root.getChildAtIndex(i) for i in range(root.childCount)
                 if title in (root.getChildAtIndex(i).name or "")), None)


def position_is(position, page):
    return re.fullmatch(rf"صفحة \u2068?{page}\u2069? من \u2068?200\u2069?", text_of(position))


def shows_page(viewer, position, page, how):
    """The viewer says it is on the page, and that page's picture is on
    screen, inside the viewer."""
    wait_for(lambda: position_is(position, page), f"page {page} of 200 {how}")
    picture = wait_for(lambda: named(viewer, "image", f"صفحة {page}"), f"the picture of page {page}")
    window = extents(viewer)
    shown = extents(picture)
    on_screen = (shown.height > 0 and shown.y < window.y + window.height
                 and shown.y + shown.height > window.y)
    check(on_screen, f"page {page} is the page shown {how} "
          f"(its picture at y={shown.y}, the window {window.y}…{window.y + window.height})")
    return picture


def view_scan(root, viewer_title):
    viewer = wait_for(lambda: window_named(root, viewer_title), "the viewer window")
    position = wait_for(lambda: next((a for a in walk(viewer) if a.getRoleName() == "label"
                                      and position_is(a, 1)), None),
                        "the viewer on page 1 of 200", timeout=60)
    check(True, "the 200-page scan opens on page 1 of 200")
    press(KEYSYM_END)
    shows_page(viewer, position, 200, "after End")
    press(KEYSYM_HOME)
    shows_page(viewer, position, 1, "after Home")
    for _ in range(3):
        press(KEYSYM_PAGE_DOWN)

    picture = shows_page(viewer, position, 4, "after three Page Downs")
    sidebar = named(viewer, "table", "الصفحات")
    sidebar.querySelection().selectChild(5)
    picture = shows_page(viewer, position, 6, "after choosing it in the sidebar")
    upright = extents(picture)
    check(upright.height > upright.width, "the page stands upright")

    fit_page = next(a for a in walk(viewer) if a.getRoleName() == "push button"
                    and "ملاءمة الصفحة" in (a.name or ""))
    fit_page.queryAction().doAction(0)
    window = extents(viewer)
    wait_for(lambda: 0 < extents(picture).height < window.height - 40, "the whole page in view")
    shows_page(viewer, position, 6, "fitted whole in the window")

    press_with_control(KEYCODE_R)
    wait_for(lambda: extents(picture).width > extents(picture).height, "page 6 turned")
    check(True, "Ctrl+R turns the pages a quarter")
    press(KEYSYM_ESCAPE)
    wait_for(lambda: window_named(root, viewer_title) is None, "the viewer closed")


def scan_two_pages(root, case):
    button = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and "مسح مستندات ضوئيًا" in (a.name or "")), None),
                      "the scan button")
    button.queryAction().doAction(0)
    dialog = wait_for(lambda: window_named(root, "مسح المستندات ضوئيًا"), "the scan dialog")

    def scan_button():
        found = next((a for a in walk(dialog) if a.getRoleName() == "push button"
                      and (a.name or "").endswith(" امسح")), None)
        return found if found is not None and found.getState().contains(
            pyatspi.STATE_SENSITIVE) else None

    for pages in (1, 2):
        wait_for(scan_button, "the scanner found, Scan ready").queryAction().doAction(0)
        wait_for(lambda: next((a for a in walk(dialog) if bare(a.name) == f"صفحة {pages}"),
                              None), f"page {pages} scanned into the strip")
    check(True, "two flatbed scans give two pages in the strip")
    turn = next(a for a in walk(dialog) if a.getRoleName() == "push button"
                and a.name == "تدوير باتجاه عقارب الساعة")
    turn.queryAction().doAction(0)
    save = next(a for a in walk(dialog) if a.getRoleName() == "push button"
                and "حفظ في الملف" in (a.name or ""))
    save.queryAction().doAction(0)
    wait_for(lambda: window_named(root, "مسح المستندات ضوئيًا") is None, "the dialog closed")

    scans = [d for d in json.loads(ctl("doc", "list", "--case", str(case["id"]), "--json"))
             if d["source"] == "scan"]
    check(len(scans) == 1 and scans[0]["pages"] == 2 and scans[0]["type"] != "other",
          f"one two-page scan is stored in a checklist slot ({scans})")
    path = os.path.join(data_dir, "scanned.pdf")
    ctl("doc", "export", str(scans[0]["id"]), "-o", path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "2", path], check=True,
                          capture_output=True, text=True).stdout
    sizes = [tuple(float(x) for x in m) for m in
             re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
    check(len(sizes) == 2 and sizes[0][1] > sizes[0][0] and sizes[1][0] > sizes[1][1],
          f"the first page is upright and the second, turned, lies on its side ({sizes})")


def main(root, case):
    open_file(root, case["file_number"])
    open_document(root, "the scan among the file's documents")
    view_scan(root, "مستند آخر")
    wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "label"
                           and "فتحه:" in text_of(a)), None),
             "the document listed as opened")
    check(True, "the file's documents say who has opened them")
    scan_two_pages(root, case)


case = prepare()
raise SystemExit(run(lambda root: main(root, case), results))
