#!/usr/bin/python3
"""The executable in the build tree, started as a person starts it, with
none of the variables that point at the build: under an Arabic locale it
finds its translations (its window titled in Arabic) and its settings
schema (it warns when it finds none)."""

import os
import tempfile

from lajna_atspi import Results, find_role, run, wait_for

results = Results()
check = results.check

for variable in ("LAJNA_LOCALEDIR", "GSETTINGS_SCHEMA_DIR", "LANGUAGE", "LC_ALL"):
    os.environ.pop(variable, None)
os.environ["LANG"] = "ar_LY.UTF-8"


# What the app says on its standard error: a warning when it finds no schema.
log = tempfile.TemporaryFile(mode="w+")


def main(root):
    window = wait_for(lambda: next((root.getChildAtIndex(i) for i in range(root.childCount)
                                    if root.getChildAtIndex(i).getRoleName() == "frame"), None),
                      "the main window")
    check(window.name == "لجنة", f"the window is titled in Arabic ({window.name!r})")
    wait_for(lambda: find_role(root, "list", "اللجان"), "the committee list, named in Arabic")
    check(True, "the committee list is named in Arabic")
    log.seek(0)
    said = log.read()
    check("schema" not in said, f"the settings schema is found ({said.strip()!r})")


saved = os.dup(2)
os.dup2(log.fileno(), 2)
try:
    status = run(main, results)
finally:
    os.dup2(saved, 2)
raise SystemExit(status)
