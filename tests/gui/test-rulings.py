#!/usr/bin/python3
"""Rulings through the accessibility tree: templates, checking, correcting.
the administrator opens Ruling Templates from the main menu and sees
page 1 of the ruling rendered beside the editor; a name between braces
that is no placeholder is named under the editor, and the database refuses
to save it; once it is taken out, the template is saved, and the database
holds it. Then Check a Ruling… says that a ruling's PDF is valid, that the
same PDF with one glyph of its text changed was altered, and that its page
copied into a new PDF (its seal left behind) is unknown. Then the file of that ruling shows it
in its view; Correct…, with its reason, issues version 2 of the same
number, which the view then shows. Last, on a file decided and not issued
yet, Issue the Ruling asks first, over page 1 of the ruling: cancelled, no
number is taken; confirmed, the ruling is issued. Signing it asks for the key, then for its
password, which is tried at once: a wrong one is said and asked again
before anything else; the right one asks where to save, and the ruling is
signed."""

import os
import re
import subprocess
import tempfile
import time

import pyatspi
from lajna_atspi import (KEY_RETURN, Results, data_rows, find_role, menu_item, press, run,
                         text_of, type_location, wait_for, walk)

results = Results()
check = results.check


def sql(query):
    """Another workstation: psql on the app's own database."""
    return subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-h",
         os.path.join(os.environ["LAJNA_DATA_DIR"], "run"), "-d", "lajna", "-c", query],
        check=True, capture_output=True, text=True).stdout.strip()


def plain(text):
    return re.sub("[\u2066-\u2069]", "", text or "")


def labels(root):
    return " ".join(plain(text_of(a)) for a in walk(root) if a.getRoleName() == "label")


def window_named(root, title):
    for i in range(root.childCount):
        window = root.getChildAtIndex(i)
        if window is not None and plain(window.name) == title:
            return window
    return None


def find(root, role, name):
    return next((a for a in walk(root)
                 if a.getRoleName() == role and plain(a.name).endswith(name)), None)


def ruling_pdf(folder, case_id):
    """The file's ruling, issued by another workstation, rendered to a PDF."""
    lajnactl = os.environ["LAJNACTL"]
    path = os.path.join(folder, "ruling.pdf")
    subprocess.run([lajnactl, "ruling", "issue", "--case", case_id], check=True,
                   capture_output=True)
    subprocess.run([lajnactl, "ruling", "render", "--case", case_id, "-o", path], check=True,
                   capture_output=True)
    return path


def altered_copy(path, folder):
    """The same PDF, one glyph of its text changed (uncompressed by qpdf)."""
    altered = os.path.join(folder, "altered.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, altered], check=True)
    data = bytearray(open(altered, "rb").read())
    at = data.index(b"[<") + 3
    data[at] = ord("2") if data[at] == ord("1") else ord("1")
    open(altered, "wb").write(bytes(data))
    return altered


def check_ruling(root, path):
    """Check a Ruling…, the path typed in the file chooser; the verdict."""
    menu_item(root, "تحقق من قرار…")
    chooser = wait_for(lambda: window_named(root, "التحقق من قرار"), "the file chooser")
    type_location(chooser, path)
    dialog = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "dialog"
                                    and "قرار" in labels(a) + plain(a.name)
                                    and ("صحيح" in labels(a) or "عُدِّل" in labels(a)
                                         or "مجهول" in labels(a))), None), "the verdict")
    verdict = labels(dialog)
    close = find(dialog, "push button", "إغلاق")
    if close is not None:
        close.queryAction().doAction(0)
    return verdict


def main(root):
    wait_for(lambda: find(root, "list", "اللجان"), "the committee list")
    committee, outcome_title = sql(
        "SELECT k.id, t.title FROM committee k JOIN ruling_template t ON t.outcome = 'approve'"
        " WHERE k.kind = 'marriage' AND t.committee_id IS NULL ORDER BY k.id LIMIT 1").split("\t")
    menu_item(root, "نماذج القرارات…")
    editor = wait_for(lambda: window_named(root, "نماذج القرارات"), "the template editor")
    check(True, "the main menu opens the ruling templates")
    wait_for(lambda: "الصفحة 1 كما تُطبع" in labels(editor), "the preview")
    title = wait_for(lambda: next((a for a in walk(editor) if a.getRoleName() == "text"
                                   and plain(text_of(a)) == outcome_title), None),
                     "the approval template's title")
    check(True, "page 1 of the ruling is rendered beside its template")

    title.queryEditableText().setTextContents(outcome_title + " {spouse.religion}")
    wait_for(lambda: "spouse.religion" in labels(editor), "the unknown placeholder named")
    check(True, "a name that is no placeholder is named under the editor")
    find(editor, "push button", "حفظ").queryAction().doAction(0)
    wait_for(lambda: "حقلًا غير معروف" in labels(editor), "the refusal")
    check(sql("SELECT count(*) FROM ruling_template WHERE title LIKE '%religion%'") == "0",
          "the database refuses to save it")

    new_title = "قرار بالموافقة على الزواج"
    title.queryEditableText().setTextContents(new_title)
    wait_for(lambda: "spouse.religion" not in labels(editor), "the warning gone")
    find(editor, "push button", "حفظ").queryAction().doAction(0)
    wait_for(lambda: sql("SELECT title FROM ruling_template WHERE outcome = 'approve'"
                         "   AND committee_id IS NULL") == new_title, "the template saved")
    wait_for(lambda: "حُفظ النموذج" in labels(editor), "the template said saved")
    check(True, "the corrected template is saved")
    # Words changed and not saved: closing asks first, and drops them.
    title.queryEditableText().setTextContents(new_title + " (مسودة)")
    close = find(editor, "push button", "أغلق") or find(editor, "push button", "Close")
    close.queryAction().doAction(0)
    discard = wait_for(lambda: find(root, "push button", "تخلَّ عنها"), "closing asks first")
    discard.queryAction().doAction(0)
    wait_for(lambda: window_named(root, "نماذج القرارات") is None, "the editor closed")
    check(sql("SELECT title FROM ruling_template WHERE outcome = 'approve'"
              "   AND committee_id IS NULL") == new_title,
          "closing with words changed asks first, and drops them")

    case_id, file_number = sql(
        "SELECT c.id, c.file_number FROM decision_now d JOIN case_file c ON c.id = d.case_id"
        " WHERE c.status = 'decided' ORDER BY d.id LIMIT 1").split("\t")
    with tempfile.TemporaryDirectory() as folder:
        path = ruling_pdf(folder, case_id)
        verdict = check_ruling(root, path)
        check("قرار صحيح" in verdict, f"the ruling's PDF checks valid ({verdict})")
        verdict = check_ruling(root, altered_copy(path, folder))
        check("قرار عُدِّل بعد إصداره" in verdict,
              f"the same PDF with one glyph changed checks altered ({verdict})")
        blank = os.path.join(folder, "other.pdf")
        subprocess.run(["qpdf", "--empty", "--pages", path, "1", "--", blank], check=True)
        verdict = check_ruling(root, blank)
        check("مستند مجهول" in verdict,
              f"a PDF without the ruling's document information checks unknown ({verdict})")


    correct_in_file_view(root, case_id, file_number)
    sign_in_file_view(root, issue_in_file_view(root))


def show_file(root, file_number):
    """The file found by its number in the file table, and shown."""
    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    find_role(root, "entry").queryEditableText().setTextContents(file_number)
    rows_list = wait_for(lambda: (lambda l, rows: l if len(rows) == 1 else None)(
        *data_rows(table)), "the file found by its number")
    rows_list.querySelection().selectChild(0)


def correct_in_file_view(root, case_id, file_number):
    """The file's view shows its ruling; Correct… issues version 2."""
    show_file(root, file_number)
    number = sql(f"SELECT r.number FROM ruling r JOIN decision d ON d.id = r.decision_id"
                 f" WHERE d.case_id = {case_id}")
    wait_for(lambda: f"القرار رقم ({number})" in labels(root), "the ruling in the file view")
    check(True, "the file view shows its ruling")
    find(root, "push button", "صحِّح…").queryAction().doAction(0)
    reason = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() in ("text", "entry")
                                    and plain(a.name) == "لماذا يُصحَّح القرار؟"), None),
                      "the reason asked for")
    reason.queryEditableText().setTextContents("خطأ في اسم الطرف الأجنبي")
    wait_for(lambda: find(root, "push button", "أصدر النسخة المصحَّحة"),
             "the confirm button").queryAction().doAction(0)
    wait_for(lambda: sql(f"SELECT r.version || ' ' || r.correction_reason FROM ruling r"
                         f" JOIN decision d ON d.id = r.decision_id WHERE d.case_id = {case_id}"
                         " ORDER BY r.version DESC LIMIT 1") == "2 خطأ في اسم الطرف الأجنبي",
             "version 2 on record")
    wait_for(lambda: "النسخة 2" in labels(root), "version 2 in the file view")
    check(True, "Correct… issues version 2 of the same number, with its reason")


def issue_dialogs(root):
    """The questions asked before issuing: dialogs that show a ruling's page."""
    return [d for d in walk(root) if d.getRoleName() == "dialog"
            and any(plain(a.name) == "معاينة القرار" for a in walk(d))]


def issue_dialog(root):
    """The question asked before issuing, once it shows page 1 of the ruling."""
    return wait_for(lambda: next((d for d in issue_dialogs(root)
                                  if "الصفحة 1 كما تُطبع" in labels(d)), None),
                    "the question before issuing, with page 1 of the ruling")


def issue_in_file_view(root):
    """Issue the Ruling asks first; Cancel takes no number, confirming issues."""
    case_id, file_number = sql(
        "SELECT c.id, c.file_number FROM case_file c"
        " WHERE c.status = 'decided' AND c.kind = 'marriage'"
        "   AND lajna_case_decision(c.id) IS NOT NULL AND lajna_case_ruling_status(c.id) IS NULL"
        " ORDER BY c.id LIMIT 1").split("\t")
    state = (f"SELECT c.status || ' ' || count(r.id) FROM case_file c"
             f" LEFT JOIN decision d ON d.case_id = c.id LEFT JOIN ruling r ON r.decision_id = d.id"
             f" WHERE c.id = {case_id} GROUP BY c.status")
    counter = "SELECT coalesce(sum(last_number), 0) FROM ruling_counter"
    numbers = sql(counter)
    show_file(root, file_number)
    wait_for(lambda: "لم يصدر بعد" in labels(root), "the ruling not issued yet in the file view")
    wait_for(lambda: find(root, "push button", "أصدر القرار"),
             "Issue the Ruling").queryAction().doAction(0)
    dialog = issue_dialog(root)
    check(True, "Issue the Ruling asks first, showing page 1 of the ruling")
    find(dialog, "push button", "إلغاء").queryAction().doAction(0)
    wait_for(lambda: not issue_dialogs(root), "the question gone")
    time.sleep(1)
    check(sql(state) == "decided 0" and sql(counter) == numbers,
          f"cancelled, the ruling stays unissued and no number is taken ({sql(state)})")
    check("لم يصدر بعد" in labels(root), "cancelled, the file view still says not issued yet")

    find(root, "push button", "أصدر القرار").queryAction().doAction(0)
    find(issue_dialog(root), "push button", "أصدر القرار").queryAction().doAction(0)
    wait_for(lambda: sql(state) == "ruling_issued 1", "the ruling issued")
    wait_for(lambda: "القرار رقم (" in labels(root), "the ruling's number in the file view")
    check(True, "confirmed, the ruling is issued with its number")
    return case_id


def choose_path(root, title, path, saving):
    """Types the path into the file chooser of that title: its name entry
    when saving, its location when opening."""
    chooser = wait_for(lambda: window_named(root, title), f"the file chooser {title}")
    if not saving:
        type_location(chooser, path)
        return
    name = wait_for(lambda: next((a for a in walk(chooser) if a.getRoleName() in ("text", "entry")
                                  and a.getState().contains(pyatspi.STATE_EDITABLE)), None),
                    "the chooser's name entry")
    name.queryEditableText().setTextContents(path)
    time.sleep(0.5)
    press(KEY_RETURN)


def key_password(dialog):
    """The dialog's entry for the key's password, by its name."""
    return next((a for a in walk(dialog) if plain(a.name) == "كلمة مرور المفتاح"
                 and a.getState().contains(pyatspi.STATE_EDITABLE)), None)


def password_dialogs(root):
    return [d for d in walk(root) if d.getRoleName() == "dialog" and key_password(d) is not None]


def give_key_password(dialog, password):
    key_password(dialog).queryEditableText().setTextContents(password)
    find(dialog, "push button", "وقِّع").queryAction().doAction(0)


def sign_in_file_view(root, case_id):
    """Sign…: the key, a wrong password said at once and asked again, then
    the right one, where to save, and the ruling signed."""
    status = f"SELECT status FROM case_file WHERE id = {case_id}"
    with tempfile.TemporaryDirectory() as folder:
        key = os.path.join(folder, "signatory.p12")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                        "-subj", "/CN=Committee Chair", "-keyout", os.path.join(folder, "key.pem"),
                        "-out", os.path.join(folder, "cert.pem")], check=True, capture_output=True)
        subprocess.run(["openssl", "pkcs12", "-export", "-inkey", os.path.join(folder, "key.pem"),
                        "-in", os.path.join(folder, "cert.pem"), "-out", key,
                        "-passout", "pass:secret"], check=True, capture_output=True)
        wait_for(lambda: find(root, "push button", "وقِّع…"), "Sign…").queryAction().doAction(0)
        choose_path(root, "اختيار مفتاح الموقِّع", key, saving=False)
        give_key_password(wait_for(lambda: next(iter(password_dialogs(root)), None),
                                   "the key's password asked"), "wrong")
        again = wait_for(lambda: next((d for d in password_dialogs(root)
                                       if "كلمة المرور خاطئة" in labels(d)), None),
                         "the wrong password said")
        check(window_named(root, "حفظ القرار الموقَّع") is None,
              "a wrong password is said before the signed PDF is asked where to go")
        check(again is not None, "the password is asked again, saying why")
        give_key_password(again, "secret")
        signed = os.path.join(folder, "signed.pdf")
        choose_path(root, "حفظ القرار الموقَّع", signed, saving=True)
        wait_for(lambda: sql(status) == "signed", "the ruling signed")
        wait_for(lambda: "وُقِّع وحُفظ باسم" in labels(root), "the ruling said signed")
        check(os.path.exists(signed), "the right password asks where to save; the ruling is signed")


run(main, results)
