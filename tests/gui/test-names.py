#!/usr/bin/python3
"""People by their names in the app, through the accessibility tree: the
embedded database's own account, renamed as Preferences renames it, opens
a file's document; the document list then says the person opened it, by
name and never by login."""

import json
import os
import subprocess

from lajna_atspi import (Results, find_role, open_document, open_file, press, run, text_of,
                         wait_for, walk)

KEYSYM_ESCAPE = 0xff1b
NAME = "هدى سالم المبروك"
ISOLATES = "\u2068\u2069"

results = Results()
check = results.check
lajnactl = os.environ["LAJNACTL"]
data_dir = os.environ["LAJNA_DATA_DIR"]
login = subprocess.run(["id", "-un"], check=True, capture_output=True, text=True).stdout.strip()


def ctl(*args):
    return subprocess.run([lajnactl, *args], check=True, capture_output=True, text=True).stdout


def prepare():
    """A picture attached to the first file."""
    case = json.loads(ctl("case", "list", "--limit", "1", "--json"))[0]
    picture = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ruling-page1-72dpi.png")
    ctl("doc", "import", "--case", str(case["id"]), "--type", "passport", picture)
    return case


def rename_owner():
    """As Preferences would, through the database function, while the app
    keeps the embedded server running."""
    conninfo = f"host={os.path.join(data_dir, 'run')} dbname=lajna"
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", conninfo, "-c",
                    f"SELECT lajna_user_set_full_name(current_user, '{NAME}')"],
                   check=True, capture_output=True)


def saying(root, words):
    """A label, or a row's title or subtitle, with these words."""
    return next((a for a in walk(root) if words in text_of(a).replace("\u2068", "")
                 .replace("\u2069", "") or words in (a.name or "")), None)


def main(root, case):
    wait_for(lambda: find_role(root, "tree table"), "the file table")
    rename_owner()
    open_file(root, case["file_number"])
    open_document(root, "the picture among the file's documents")
    wait_for(lambda: root.childCount > 1, "the viewer window")
    press(KEYSYM_ESCAPE)
    opened = wait_for(lambda: saying(root, "فتحه: " + NAME), "the document listed as opened",
                      timeout=60)
    check(True, "the document list says who opened it by name")
    check(f"فتحه: {login}" not in "".join(c for c in text_of(opened) if c not in ISOLATES),
          f"and not by the login {login}")


case = prepare()
raise SystemExit(run(lambda root: main(root, case), results))
