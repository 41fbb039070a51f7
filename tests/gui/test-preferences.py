#!/usr/bin/python3
"""Preferences, through the accessibility tree: opened while the database
is still opening, they fill in once it is open; the embedded database's own
account, which administers every committee, changes a committee's quorum
(0 is refused in words and writes nothing) and adds a person with a role,
and is asked no password for them (the embedded database asks none); then
a clerk (the same database, acting as the clerk) sees no administration
pages and changes their own name.

On a shared server that asks for passwords (run by run-sign-in-test as a
committee's administrator), the administrator signs in, gives a new person
a password typed twice (typed differently, it is refused in words and
nothing is written) with which the person then signs in, and later a new
one, with which alone they sign in, then turns them off in the committee;
the passwords are in no audit event and in no line of the server's log."""

import gettext
import os
import signal
import subprocess
import sys
import time

import pyatspi
from lajna_atspi import (App, Results, data_rows, find_role, give_password, press, text_of,
                         wait_for, walk)

KEYCODE_CONTROL = 37
KEYCODE_COMMA = 59
KEYSYM_RETURN = 0xff0d
KEYSYM_SPACE = 0x20
KEYSYM_TAB = 0xff09
CLERK = "marriage-tripoli.clerk1"
results = Results()
check = results.check
# The words the app shows: Arabic where the build's catalogue has them.
catalogue = gettext.translation("lajna", os.environ.get("LAJNA_LOCALEDIR"), languages=["ar"],
                                fallback=True)


def words(msgid):
    return catalogue.gettext(msgid).replace("_", "")


def sql(query):
    """One value, read by the server's own account while the app runs it."""
    run_dir = os.path.join(os.environ["LAJNA_DATA_DIR"], "run")
    return subprocess.run(["psql", "-h", run_dir, "-d", "lajna", "-AtXc", query], check=True,
                          capture_output=True, text=True).stdout.strip()


def open_preferences(root, opening=False):
    """Presses Ctrl+comma once the file table has rows or, while the
    database is opening, once the main window is there."""
    if opening:
        wait_for(lambda: (lambda frame: frame is not None and frame.getState().contains(
            pyatspi.STATE_ACTIVE))(find_role(root, "frame")), "the main window, active")
    else:
        table = wait_for(lambda: find_role(root, "tree table"), "the file table")
        wait_for(lambda: data_rows(table)[1], "the file table's rows")
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_COMMA, None, pyatspi.KEY_PRESSRELEASE)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL, None, pyatspi.KEY_RELEASE)
    prefs = wait_for(lambda: window(root, words("Preferences")), "the Preferences window")
    own_name = wait_for(lambda: named(prefs, "text", words("Full name")), "the name entry")
    return prefs, own_name


def window(root, title):
    root.clear_cache()
    return next((root.getChildAtIndex(i) for i in range(root.childCount)
                 if root.getChildAtIndex(i).name == title), None)


def named(parent, role, name):
    # What the app adds later can be missing from the bus's cached tree.
    parent.clear_cache()
    return next((a for a in walk(parent) if a.getRoleName() == role and a.name == name), None)


def button(parent, msgid, role="push button"):
    """A button by its label (GTK names a button by its label and by its
    row's title, or by a mnemonic's label twice over)."""
    return next((a for a in walk(parent) if a.getRoleName() == role
                 and words(msgid) in (a.name or "")), None)


def wait_for_or_none(find, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.2)
    return None


def click(acc):
    acc.queryAction().doAction(0)


def press_on(acc, keysym):
    """Tabs to acc, as from the keyboard, and presses keysym there (GTK 4.8
    gives check boxes no action, and grabs no focus for a reader)."""
    for _ in range(40):
        if acc.getState().contains(pyatspi.STATE_FOCUSED):
            press(keysym)
            return
        press(KEYSYM_TAB)
    raise SystemExit(f"not ok - Tab never reaches {acc.name}\n0 passed, 1 failed")


def edit_row(row):
    click(find_role(row, "push button"))


def show_page(prefs, title):
    # Shown once the database has said that the person administers.
    tab = wait_for(lambda: named(prefs, "page tab", words(title)), f"the {title} page",
                   timeout=60)
    click(tab)


def edit_quorum(root, prefs):
    name, quorum = sql("SELECT name_ar || '|' || coalesce(quorum, 0) FROM committee"
                       " WHERE code = 'marriage-tripoli'").split("|")
    show_page(prefs, "Committees")
    row = wait_for(lambda: named(prefs, "list item", name), "the committee's row")
    edit_row(row)
    editor = wait_for(lambda: window(root, name), "the committee's editor")
    entry = wait_for(lambda: named(editor, "text", words(
        "Quorum: members present (empty: a majority)")), "the quorum entry")
    save = button(editor, "_Save")

    entry.queryEditableText().setTextContents("0")
    click(save)
    refusal = words("A quorum is a number of members, at least 1. Leave it empty for a majority"
                    " of the members.")
    wait_for(lambda: next((a for a in walk(editor) if a.getRoleName() == "label"
                           and text_of(a) == refusal), None), "the refusal of a quorum of 0")
    check(sql("SELECT coalesce(quorum, 0) FROM committee WHERE code = 'marriage-tripoli'")
          == quorum, "a quorum of 0 is refused in words and writes nothing")

    entry.queryEditableText().setTextContents("5")
    click(save)
    wait_for(lambda: window(root, name) is None, "the editor closing once saved")
    check(sql("SELECT quorum FROM committee WHERE code = 'marriage-tripoli'") == "5",
          "the administrator's quorum is stored")
    check(sql("SELECT count(*) FROM audit_event WHERE action = 'committee.edit'") == "1",
          "the change is in the audit trail")


def add_person(root, prefs):
    show_page(prefs, "People")
    # The page builds its list again once it has read the people: a press
    # on the button it had before reaches nothing, and is made again.
    editor = None
    for _ in range(3):
        click(wait_for(lambda: button(prefs, "_Add Person…"), "Add Person…"))
        editor = wait_for_or_none(lambda: window(root, words("New Person")), 10)
        if editor is not None:
            break
    check(editor is not None, "Add Person… opens the new person's editor")
    login = wait_for(lambda: named(editor, "text", words(
        "Login (Latin letters, such as salem.ali)")), "the login entry")
    login.queryEditableText().setTextContents("clerk.new")
    full_name = named(editor, "text", words("Full name"))
    full_name.queryEditableText().setTextContents("كاتب جديد")
    press_on(wait_for(lambda: button(editor, "Clerk", "check box"), "the first Clerk box"),
             KEYSYM_SPACE)
    check(not password_rows(editor), "the embedded database asks no password for a new person")
    click(button(editor, "_Save"))
    wait_for(lambda: window(root, words("New Person")) is None, "the editor closing once saved")
    wait_for(lambda: named(prefs, "list item", "كاتب جديد"), "the new person in the list")
    check(True, "the new person is listed by their full name")
    check(sql("SELECT string_agg(r.role, ',') FROM committee_role r JOIN app_user u"
              " ON u.id = r.user_id WHERE u.login = 'clerk.new'") == "clerk",
          "the new person holds the role given")
    check(sql("SELECT pg_has_role('clerk.new', 'lajna_clerk', 'MEMBER')") == "t",
          "the new person can sign in as a clerk")


def password_rows(editor):
    """The editor's password entries shown, by their titles."""
    return {a.name: a for a in walk(editor)
            if a.getRoleName() in ("text", "password text")
            and a.name in (words("New password"), words("New password again"))
            and a.getState().contains(pyatspi.STATE_VISIBLE)}


def set_passwords(editor, password, again):
    rows = wait_for(lambda: (lambda r: r if len(r) == 2 else None)(password_rows(editor)),
                    "the two password entries")
    rows[words("New password")].queryEditableText().setTextContents(password)
    rows[words("New password again")].queryEditableText().setTextContents(again)


def signs_in(login, password):
    """Whether login signs in to the server with password, as psql would."""
    run_dir = os.path.join(os.environ["LAJNA_DATA_DIR"], "run")
    return subprocess.run(["psql", "-h", run_dir, "-d", "lajna", "-U", login, "-w", "-AtXc",
                           "SELECT 1"], env=dict(os.environ, PGPASSWORD=password),
                          capture_output=True).returncode == 0


def with_passwords(root):
    give_password(root, "password of admin_g")
    prefs, _ = open_preferences(root)
    show_page(prefs, "People")
    click(wait_for(lambda: button(prefs, "_Add Person…"), "Add Person…"))
    editor = wait_for(lambda: window(root, words("New Person")), "the new person's editor")
    wait_for(lambda: named(editor, "text", words("Login (Latin letters, such as salem.ali)")),
             "the login entry").queryEditableText().setTextContents("clerk.pw")
    named(editor, "text", words("Full name")).queryEditableText().setTextContents("موظف جديد")
    press_on(wait_for(lambda: button(editor, "Clerk", "check box"), "the Clerk box"),
             KEYSYM_SPACE)
    first = "first password of clerk.pw"
    set_passwords(editor, first, first + "!")
    click(button(editor, "_Save"))
    refusal = words("The password typed again is not the same. Type both again.")
    wait_for(lambda: next((a for a in walk(editor) if a.getRoleName() == "label"
                           and text_of(a) == refusal), None), "the refusal of two passwords")
    check(sql("SELECT count(*) FROM app_user WHERE login = 'clerk.pw'") == "0",
          "two passwords that differ are refused in words, and nothing is written")

    set_passwords(editor, first, first)
    click(button(editor, "_Save"))
    wait_for(lambda: window(root, words("New Person")) is None, "the editor closing once saved")
    row = wait_for(lambda: named(prefs, "list item", "موظف جديد"), "the new person in the list")
    check(signs_in("clerk.pw", first) and not signs_in("clerk.pw", "not the password"),
          "the new person signs in with the password their administrator gave")

    edit_row(row)
    editor = wait_for(lambda: window(root, "موظف جديد"), "the person's editor")
    second = "second password of clerk.pw"
    set_passwords(editor, second, second)
    click(button(editor, "_Save"))
    wait_for(lambda: window(root, "موظف جديد") is None, "the editor closing once saved")
    check(signs_in("clerk.pw", second) and not signs_in("clerk.pw", first),
          "a new password given, only the new one signs the person in")

    # Turned off in the committee, by its switch.
    edit_row(wait_for(lambda: named(prefs, "list item", "موظف جديد"), "the person in the list"))
    editor = wait_for(lambda: window(root, "موظف جديد"), "the person's editor again")
    standing = wait_for(lambda: button(editor, "Takes part in this committee", "check box"),
                        "the switch of the person's standing in the committee")
    press_on(standing, KEYSYM_SPACE)
    click(button(editor, "_Save"))
    wait_for(lambda: window(root, "موظف جديد") is None, "the editor closing once saved")
    check(sql("SELECT string_agg(r.active::text, ',') FROM committee_role r JOIN app_user u"
              " ON u.id = r.user_id WHERE u.login = 'clerk.pw'") == "false",
          "the administrator turns the person off in their committee")

    check(sql("SELECT count(*) FROM audit_event WHERE action = 'user.password'"
              "   AND actor = 'admin_g'") == "2"
          and sql("SELECT count(*) FROM audit_event WHERE detail::text LIKE '%password of%'"
                  "    OR detail::text LIKE '%SCRAM%'") == "0",
          "the audit trail records that passwords were given, not what they are")
    log = os.path.join(os.environ["LAJNA_DATA_DIR"], "pgdata", "sign-in-test.log")
    with open(log, encoding="utf-8", errors="replace") as server_log:
        check("password of clerk.pw" not in server_log.read(),
              "the server's log holds no password")


def as_clerk(root):
    prefs, own_name = open_preferences(root)
    name = sql(f"SELECT full_name FROM app_user WHERE login = '{CLERK}'")
    wait_for(lambda: text_of(own_name) == name, "the clerk's own full name", timeout=60)
    check(True, "the clerk's own full name is shown")
    check(not any(a.getRoleName() == "page tab" and a.name in (words("Committees"),
                                                               words("People"))
                  for a in walk(prefs)),
          "a clerk does not see the administration pages")
    own_name.queryEditableText().setTextContents("كاتب الاختبار الجديد")
    click(wait_for(lambda: find_role(own_name, "push button"), "the name's apply button"))
    wait_for(lambda: sql(f"SELECT full_name FROM app_user WHERE login = '{CLERK}'")
             == "كاتب الاختبار الجديد", "the clerk's new name stored")
    check(True, "a clerk changes their own name")


def run_app(body):
    app = App(sys.argv[1:])
    try:
        body(app.root())
    finally:
        code = app.stop()
    check(code == 0, f"the app quits cleanly on SIGTERM (exit {code})")


class Server:
    """The embedded database's server, started here as the app would start
    it (the app takes over a server it finds running), with the schema's
    version locked: the app stays on "Opening the Database…" until the lock
    is let go."""

    def __init__(self):
        data_dir = os.environ["LAJNA_DATA_DIR"]
        self.run_dir = os.path.join(data_dir, "run")
        pgdata = os.path.join(data_dir, "pgdata")
        bindir = subprocess.run(["pg_config", "--bindir"], check=True, capture_output=True,
                                text=True).stdout.strip()
        owner = os.stat(pgdata)
        # PostgreSQL refuses root: the server runs as the data's owner.
        as_owner = (["setpriv", f"--reuid={owner.st_uid}", f"--regid={owner.st_gid}",
                     "--clear-groups"] if os.getuid() == 0 else [])
        self.server = subprocess.Popen(as_owner + [
            os.path.join(bindir, "postgres"), "-D", pgdata, "-c", "listen_addresses=",
            "-c", f"unix_socket_directories={self.run_dir}", "-c", "unix_socket_permissions=0700",
            "-c", "cluster_name=lajna"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: subprocess.run(["pg_isready", "-q", "-h", self.run_dir]).returncode == 0,
                 "the database server")
        self.lock = subprocess.Popen(["psql", "-h", self.run_dir, "-d", "lajna", "-AtXq"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lock.stdin.write("BEGIN;\nLOCK TABLE schema_version IN ACCESS EXCLUSIVE MODE;\n"
                              "\\echo held\n")
        self.lock.stdin.flush()
        if not any(line.strip() == "held" for line in self.lock.stdout):
            raise SystemExit("not ok - the schema's version could not be locked\n0 passed, 1 failed")

    def release_lock(self):
        self.lock.stdin.close()
        self.lock.wait(timeout=30)

    def stop(self):
        self.server.send_signal(signal.SIGINT)  # a fast shutdown
        self.server.wait(timeout=60)


def main():
    if "LAJNA_DATABASE" in os.environ:
        run_app(with_passwords)
        return results.finish()

    def as_admin(root):
        # Preferences opened before the database is open fill in once it is.
        prefs, own_name = open_preferences(root, opening=True)
        check(text_of(own_name) == "" and not named(prefs, "page tab", words("Committees")),
              "Preferences opened while the database opens wait for it")
        server.release_lock()
        edit_quorum(root, prefs)
        add_person(root, prefs)

    server = Server()
    try:
        run_app(as_admin)
        # The server's own account may act as any person of the committees.
        os.environ["PGOPTIONS"] = f"-c role={CLERK}"
        run_app(as_clerk)
    finally:
        server.stop()
    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
