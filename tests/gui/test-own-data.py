#!/usr/bin/python3
"""The executable, in the build tree or installed (test-install), started
as a person starts it, with none of the variables that point at the build:
under an Arabic locale it finds its own translations (its window titled in
Arabic) and its own settings schema (it warns when it finds none); so
does the lajnactl beside it."""

import os
import subprocess

from lajna_atspi import Results, app_said, find_role, run, wait_for

results = Results()
check = results.check

for variable in ("LAJNA_LOCALEDIR", "GSETTINGS_SCHEMA_DIR", "LANGUAGE", "LC_ALL"):
    os.environ.pop(variable, None)
os.environ["LANG"] = "ar_LY.UTF-8"


def main(root):
    window = wait_for(lambda: next((root.getChildAtIndex(i) for i in range(root.childCount)
                                    if root.getChildAtIndex(i).getRoleName() == "frame"), None),
                      "the main window")
    check(window.name == "لجنة", f"the window is titled in Arabic ({window.name!r})")
    wait_for(lambda: find_role(root, "list", "اللجان"), "the committee list, named in Arabic")
    check(True, "the committee list is named in Arabic")
    said = app_said()
    check("schema" not in said, f"the settings schema is found ({said.strip()!r})")


def lajnactl_speaks_arabic():
    environment = dict(os.environ, LANG="C.UTF-8", LANGUAGE="ar")
    said = subprocess.run([os.environ["LAJNACTL"], "--help"], env=environment, check=True,
                          capture_output=True, text=True).stdout
    check(any("\u0600" <= c <= "\u06ff" for c in said),
          f"lajnactl finds its own translations ({said.splitlines()[0]!r})")


lajnactl_speaks_arabic()
raise SystemExit(run(main, results))
