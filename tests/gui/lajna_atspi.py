"""What the GUI tests share: reading the accessibility tree as a screen
reader does, waiting for the app, and typing keys as a person would."""

import re
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

ARABIC = re.compile("[\u0600-\u06ff]")
ISOLATES = "\u2066\u2067\u2068\u2069"

KEY_DOWN = 0xFF54
KEY_RETURN = 0xFF0D
KEY_TAB = 0xFF09
KEYCODE_CONTROL = 37


class Results:
    """Counts checks and prints them TAP-like."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
            print("ok -", what)
        else:
            self.failed += 1
            print("not ok -", what)

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


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
            found = None  # widgets went away while being read: read again
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


def find_role(root, role, name=None):
    return next((a for a in walk(root)
                 if a.getRoleName() == role and (name is None or a.name == name)), None)


def data_rows(table):
    rows_list = next((a for a in walk(table) if a.getRoleName() == "list"), None)
    if rows_list is None:
        return None, []
    rows = [rows_list.getChildAtIndex(i) for i in range(rows_list.childCount)]
    return rows_list, [r for r in rows if r is not None and r.getRoleName() == "table row"]


def open_file(root, file_number):
    """Finds the file by its number in the file table and selects it."""
    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    find_role(root, "entry").queryEditableText().setTextContents(file_number)
    rows_list = wait_for(lambda: (lambda l, rows: l if len(rows) == 1 else None)(
        *data_rows(table)), "the file found by its number")
    rows_list.querySelection().selectChild(0)


def open_document(root, what):
    """Presses Open on the selected file's document."""
    button = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and "فتح المستند" in (a.name or "")), None), what)
    button.queryAction().doAction(0)


def cell_texts(row):
    texts = []
    for i in range(row.childCount):
        cell = row.getChildAtIndex(i)
        inner = cell.getChildAtIndex(0) if cell.childCount else cell
        texts.append(text_of(inner).strip(ISOLATES))
    return texts


class App:
    """The app under test; a start that could not reach the display is
    retried."""

    def __init__(self, argv):
        self.argv = argv
        self.process = subprocess.Popen(argv)

    def root(self):
        def started():
            if self.process.poll() is not None:
                print("# the app exited with", self.process.returncode, "- starting it again")
                self.process = subprocess.Popen(self.argv)
                return None
            return app_root()
        return wait_for(started, "the application on the accessibility bus")

    def stop(self):
        self.process.terminate()
        return self.process.wait(timeout=60)


def run(body, results):
    """Starts the app given on the command line, runs body(root) against
    it, and checks that it quits cleanly."""
    app = App(sys.argv[1:])
    try:
        body(app.root())
    finally:
        code = app.stop()
    results.check(code == 0, f"the app quits cleanly on SIGTERM (exit {code})")
    return results.finish()


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.15)


def press_with_control(keycode):
    """Control and a key, by key code (the letters of a US layout)."""
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESSRELEASE)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL, None, pyatspi.KEY_RELEASE)
    time.sleep(0.3)
