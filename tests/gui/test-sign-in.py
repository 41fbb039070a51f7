#!/usr/bin/python3
"""Signs in to a server that asks for a password, through the
accessibility tree: a wrong password is refused and asked again, the right
one opens the clerk's files and is kept in the keyring (lajnactl then signs
in with it), and the lock opens only with the password."""

import os
import subprocess
import sys

from lajna_atspi import (Results, data_rows, find_role, give_password, press_with_control, run,
                         text_of, wait_for, walk)

KEYCODE_L = 46
results = Results()
check = results.check


def label_with(root, words):
    return next((a for a in walk(root) if a.getRoleName() == "label" and words in text_of(a)),
                None)


def main(root):
    wait_for(lambda: label_with(root, "يطلب خادم اللجنة كلمة مرور"), "the sign-in dialog")
    check(True, "the server's request for a password is shown")
    give_password(root, "not the password")
    wait_for(lambda: label_with(root, "لم يقبل الخادم كلمة المرور"), "the refusal")
    check(True, "a wrong password is refused and asked again")
    give_password(root, "password of clerk_g")

    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    wait_for(lambda: len(data_rows(table)[1]) >= 3, "rows in the file table")
    check(True, "the right password opens the files")

    listed = subprocess.run([os.environ["LAJNACTL"], "case", "list", "--limit", "5"],
                            capture_output=True, text=True)
    check(listed.returncode == 0,
          f"lajnactl signs in with the password the app kept ({listed.stderr.strip()})")

    frame = next(root.getChildAtIndex(i) for i in range(root.childCount)
                 if root.getChildAtIndex(i).getRoleName() == "frame")
    press_with_control(KEYCODE_L)
    wait_for(lambda: frame.name == "لجنة (مقفلة)", "the locked window after Ctrl+L")
    unlock = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and "فتح القفل" in (a.name or "")), None), "the unlock button")
    unlock.queryAction().doAction(0)
    wait_for(lambda: label_with(root, "الملفات مخفية حتى تُعطى كلمة مرور"), "the unlock dialog")
    give_password(root, "not the password")
    wait_for(lambda: label_with(root, "لم يقبل الخادم كلمة المرور"), "the refusal to unlock")
    check(frame.name == "لجنة (مقفلة)", "a wrong password leaves Lajna locked")
    give_password(root, "password of clerk_g")
    wait_for(lambda: frame.name == "لجنة", "the window unlocked")
    check(True, "the password unlocks Lajna")


if __name__ == "__main__":
    sys.exit(run(main, results))
