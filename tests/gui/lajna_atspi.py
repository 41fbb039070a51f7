"""What the GUI tests share: reading the accessibility tree as a screen
reader does, waiting for the app, and typing keys as a person would."""

import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi
from gi.repository import GLib

ARABIC = re.compile("[\u0600-\u06ff]")
ISOLATES = "\u2066\u2067\u2068\u2069"

KEY_DOWN = 0xFF54
KEY_RETURN = 0xFF0D
KEY_TAB = 0xFF09
KEYCODE_CONTROL = 37

# What the app writes on its standard error, read back to find criticals.
LOG = tempfile.NamedTemporaryFile(mode="w+", prefix="lajna-app-", suffix=".log")
TROUBLE = re.compile(r"^.*(?:CRITICAL \*\*|GLib-GObject-WARNING \*\*).*$", re.MULTILINE)
# GTK 4.8's accessibility bridge, answering the tests' own walk through the
# tree while a widget goes away (a dialog closing), asks for a NULL object
# path: GTK's bug, not the app's, and the reason criticals are read from
# the log here instead of being fatal (G_DEBUG=fatal-criticals) in the app.
KNOWN = ("g_variant_is_object_path: assertion 'string != NULL' failed",)


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


# The app under test, whose tree a test that gives up writes to its log.
started_app = None


def dump_tree(acc, depth=0, out=sys.stderr):
    """Writes the roles and names of acc's tree, as a reader sees them."""
    try:
        acc.clear_cache()
        out.write(f"# {'  ' * depth}{acc.getRoleName()} {acc.name!r}"
                  f" {'(showing)' if acc.getState().contains(pyatspi.STATE_SHOWING) else ''}\n")
        for i in range(acc.childCount):
            dump_tree(acc.getChildAtIndex(i), depth + 1, out)
    except Exception as error:  # the tree changes while it is read
        out.write(f"# {'  ' * depth}({error})\n")


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
    if started_app is not None:
        dump_tree(started_app)
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


def menu_item(root, *names):
    """Opens the main menu (its button, found by its tooltip) and activates
    its item called one of names."""
    def pressable():
        for menu in walk(root):
            if (menu.description or "").strip(ISOLATES) != "القائمة الرئيسية":
                continue
            for a in walk(menu):
                try:
                    if a.queryAction().nActions > 0:
                        return a
                except NotImplementedError:
                    pass
        return None

    wait_for(pressable, "the main menu's button").queryAction().doAction(0)
    item = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "menu item"
                                  and re.sub("[\u2066-\u2069]", "", a.name or "").endswith(names)),
                                 None), f"the menu item {names[0]}")
    item.queryAction().doAction(0)


def type_location(chooser, path):
    """Types path into a file chooser, as a person would after pressing /,
    and accepts it."""
    press(0x2F)
    location = wait_for(lambda: next((a for a in walk(chooser) if a.getRoleName() == "text"
                                      and "/" in text_of(a)), None), "the location entry")
    location.queryEditableText().setTextContents(path)
    time.sleep(0.5)
    press(KEY_RETURN)


def save_as(root, title, path):
    """Names path in the save chooser whose title holds title, and waits
    for the file written there."""
    chooser = wait_for(lambda: next((root.getChildAtIndex(i) for i in range(root.childCount)
                                     if title in (root.getChildAtIndex(i).name or "")),
                                    None), "the file chooser")
    name = wait_for(lambda: next((a for a in walk(chooser) if a.getRoleName() in ("text", "entry")
                                  and a.getState().contains(pyatspi.STATE_EDITABLE)), None),
                    "the file name entry")
    name.queryEditableText().setTextContents(path)
    press(KEY_RETURN)
    wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, "the file written")


def password_entry(root):
    """The sign-in dialog's password entry, once it has the focus."""
    return next((a for a in walk(root) if a.name == "كلمة المرور"
                 and a.getState().contains(pyatspi.STATE_EDITABLE)
                 and a.getState().contains(pyatspi.STATE_FOCUSED)), None)


def give_password(root, password):
    """Types password into the sign-in dialog and presses Return."""
    entry = wait_for(lambda: password_entry(root), "the focused password entry")
    entry.queryEditableText().setTextContents(password)
    press(KEY_RETURN)


class App:
    """The app under test; a start that could not reach the display is
    retried."""

    def __init__(self, argv):
        self.argv = argv
        self.process = subprocess.Popen(argv, stderr=LOG)

    def root(self):
        def started():
            if self.process.poll() is not None:
                if self.process.returncode < 0:
                    raise SystemExit(f"not ok - the app died of signal {-self.process.returncode}"
                                     " while starting\n0 passed, 1 failed")
                print("# the app exited with", self.process.returncode, "- starting it again")
                self.process = subprocess.Popen(self.argv, stderr=LOG)
                return None
            return app_root()
        global started_app
        started_app = wait_for(started, "the application on the accessibility bus")
        return started_app

    def stop(self):
        self.process.terminate()
        return self.process.wait(timeout=60)


def app_said():
    """What the app has written on its standard error so far."""
    with open(LOG.name, encoding="utf-8", errors="replace") as log:
        return log.read()


def criticals(said):
    """The criticals (and invalid casts) logged, but GTK's known one."""
    return [line for line in TROUBLE.findall(said) if not any(k in line for k in KNOWN)]


def run(body, results):
    """Starts the app given on the command line, runs body(root) against
    it, and checks that it quits cleanly, having logged no critical."""
    app = App(sys.argv[1:])
    try:
        body(app.root())
    finally:
        code = app.stop()
        said = app_said()
        sys.stderr.write(said)
        found = criticals(said)
        if found:
            print("# the app logged:", *found, sep="\n# ")
    results.check(code == 0, f"the app quits cleanly on SIGTERM (exit {code})")
    results.check(not found, f"the app logged no critical ({len(found)} logged)")
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
