#!/usr/bin/python3
"""Runs a short committee meeting through the accessibility tree, as a
clerk with a screen reader would: opens the committee's meetings (Ctrl+M),
prepares a new meeting, puts a complete file on its agenda from the files
waiting (one whose document expired meanwhile is refused, the refusal
naming the document), convenes it, marks three members present (the quorum says when it
is met), enters two votes (a rejection asks its reasons), sees a vote and
a document entered on another workstation appear by itself, records the
decision (the dialog names the file and counts the votes, keeps what was
typed when the database refuses, and asks before going against the votes
or deciding without any), moves through the items on the presenter view
with the keyboard (it opens on the item under discussion, shows the
reasons of the rejections and offers no clerk's buttons), closes the
meeting (the file not decided waits again) and the window. The database
then holds what was done, refuses to change the closed meeting, and the
minutes carry it; on the main window, the file's status follows its
ruling issued on another workstation."""

import os
import re
import subprocess
import time

import pyatspi
from gi.repository import GLib
from lajna_atspi import (Results, cell_texts, data_rows, find_role, press, press_with_control, run,
                         text_of, wait_for, walk)

KEYCODE_M = 58
KEY_SPACE = 0x20
KEY_PAGE_DOWN = 0xFF56
KEY_PAGE_UP = 0xFF55
KEYCODE_W = 25
RLM = "\u200f"
KEY_ESCAPE = 0xFF1B
KEY_TAB = 0xFF09
results = Results()
check = results.check


def sql(query):
    """Another workstation: psql on the app's own database."""
    return subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-h",
         os.path.join(os.environ["LAJNA_DATA_DIR"], "run"), "-d", "lajna", "-c", query],
        check=True, capture_output=True, text=True).stdout.strip()


def bare(name):
    return (name or "").strip("\u2066\u2067\u2068\u2069")


def plain(text):
    return re.sub("[\u2066-\u2069]", "", text)


def says(acc, name):
    """Whether acc is named name; GTK 4.8 names a button with a mnemonic by
    its label, underscore and all, then the words."""
    found = bare(acc.name)
    return found == name or found.endswith(" " + name)


def named(root, role, name):
    return next((a for a in walk(root) if a.getRoleName() == role and bare(a.name) == name), None)


def window_named(root, title):
    for i in range(root.childCount):
        window = root.getChildAtIndex(i)
        if window is not None and bare(window.name) == title:
            return window
    return None


def press_button(root, name, what=None):
    button = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() in
                                    ("push button", "toggle button", "check box")
                                    and says(a, name)
                                    and a.getState().contains(pyatspi.STATE_SENSITIVE)
                                    and a.getState().contains(pyatspi.STATE_VISIBLE)), None),
                      what or f"the button {name}")
    activate(button)
    return button


def activate(acc):
    """Presses what acc is. GTK 4.8 gives check boxes no action: those are
    reached with Tab and ticked with Space, as from the keyboard."""
    try:
        acc.queryAction().doAction(0)
        return
    except GLib.Error:
        pass
    for _ in range(60):
        if acc.getState().contains(pyatspi.STATE_FOCUSED):
            press(KEY_SPACE)
            return
        press(KEY_TAB)
    raise SystemExit(f"not ok - Tab never reaches {acc.name}\n0 passed, 1 failed")


def row_of(root, label_text, exact=True):
    """The list row titled label_text (a person's name), or showing it
    (a file's number)."""
    def find():
        for a in walk(root):
            if a.getRoleName() == "label" and (label_text == text_of(a) if exact
                                               else label_text in text_of(a)):
                row = a
                while row is not None and row.getRoleName() != "list item":
                    row = row.parent
                if row is not None:
                    return row
        return None
    return wait_for(find, f"the row of {label_text}")


def item_of(root, digits):
    """The agenda item's whole row (the header row of the file is inside it)."""
    header = row_of(root, digits, exact=False)
    item = header.parent
    while item is not None and item.getRoleName() != "list item":
        item = item.parent
    return item


def toggle_in(find_row, name):
    """Presses the toggle button name in the row find_row() gives; the view
    is built again as changes arrive, so the row is looked up afresh."""
    def find():
        row = find_row()
        return next((a for a in walk(row) if a.getRoleName() in ("toggle button", "push button")
                     and says(a, name)), None)
    wait_for(find, f"the button {name}").queryAction().doAction(0)


def texts(root):
    return " ".join(text_of(a) for a in walk(root) if a.getRoleName() == "label")


def buttons_named(root, name):
    return [a for a in walk(root) if a.getRoleName() == "push button" and says(a, name)
            and a.getState().contains(pyatspi.STATE_VISIBLE)]


def documents_in(root):
    """The documents listed, by their buttons to open them ("Open the
    Document", then the document's type)."""
    return len([a for a in walk(root) if a.getRoleName() == "push button"
                and bare(a.name).startswith("فتح المستند ")])


def prepare():
    """Three complete marriage files of the first marriage committee, with
    every document their checklist asks for, and the committee's members."""
    committee, committee_name = sql(
        "SELECT k.id, k.name_ar FROM committee k WHERE k.kind = 'marriage'"
        "   AND EXISTS (SELECT FROM case_file c WHERE c.committee_id = k.id"
        "                  AND c.status = 'complete')"
        " ORDER BY k.id LIMIT 1").split("\t")
    sql("INSERT INTO document (case_id, type_code, mime_type, byte_size, sha256, source, issued_on)"
        "  SELECT c.id, l.type_code, 'application/pdf', 1,"
        "         sha256(convert_to(l.type_code || ' ' || c.id, 'UTF8')), 'scan', current_date"
        "    FROM (SELECT id FROM case_file"
        f"          WHERE committee_id = {committee} AND status = 'complete'"
        "          ORDER BY id LIMIT 10) c CROSS JOIN LATERAL lajna_case_lacking(c.id) l")
    files = [f.split("\t") for f in sql(
        f"SELECT id, file_number FROM case_file WHERE committee_id = {committee}"
        "   AND status = 'complete' AND NOT EXISTS (SELECT FROM lajna_case_lacking(id))"
        " ORDER BY id LIMIT 3").splitlines()]
    members = sql(f"SELECT u.id, u.full_name, r.role FROM committee_role r JOIN app_user u"
                  f" ON u.id = r.user_id WHERE r.committee_id = {committee}"
                  "   AND r.role IN ('chair', 'member') ORDER BY r.role = 'member', u.id")
    return committee, committee_name, files, [m.split("\t") for m in members.splitlines()]


def all_committees(root):
    """With every committee's files shown, the meetings window lists every
    committee's meetings and says why none can be prepared there."""
    press_with_control(KEYCODE_M)
    meetings = wait_for(lambda: window_named(root, "الاجتماعات"), "the meetings window")
    new = wait_for(lambda: next((a for a in walk(meetings) if a.getRoleName() == "push button"
                                 and says(a, "اجتماع جديد")), None), "the New Meeting button")
    check(not new.getState().contains(pyatspi.STATE_SENSITIVE)
          and "اختر لجنته في النافذة الرئيسية" in (new.description or ""),
          "without a committee chosen, New Meeting is off and says why")
    wait_for(lambda: next((a for a in walk(meetings) if a.getRoleName() == "list item"), None),
             "the meetings of every committee")
    press_with_control(KEYCODE_W)
    wait_for(lambda: window_named(root, "الاجتماعات") is None, "the meetings window closed")


def main(root):
    committees = wait_for(lambda: named(root, "list", "اللجان"), "the committee list")
    wait_for(lambda: find_role(root, "tree table") and data_rows(find_role(root, "tree table"))[1],
             "the file table's rows")
    all_committees(root)
    committee, committee_name, files, members = prepare()
    (case_id, file_number), (later_id, later_number), (lapsed_id, lapsed_number) = files
    chair, first, second = members[0], members[1], members[2]
    index = wait_for(lambda: next((i for i in range(committees.childCount)
                                   if committee_name in texts(committees.getChildAtIndex(i))),
                                  None), "the committee in the list")
    committees.querySelection().selectChild(index)
    time.sleep(1)
    press_with_control(KEYCODE_M)
    meetings = wait_for(lambda: window_named(root, "الاجتماعات"), "the meetings window")
    check(True, "Ctrl+M opens the committee's meetings")

    press_button(meetings, "اجتماع جديد")
    dialog = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() == "push button"
                                    and says(a, "أنشئ")), None), "the new meeting dialog")
    dialog.queryAction().doAction(0)
    meeting, number = wait_for(lambda: sql(
        f"SELECT id, number FROM meeting WHERE committee_id = {committee} AND state = 'draft'"
        f"   AND held_on = current_date + 1 ORDER BY id DESC LIMIT 1").split("\t")
        if sql(f"SELECT count(*) FROM meeting WHERE committee_id = {committee}"
               "   AND held_on = current_date + 1 AND state = 'draft'") != "0" else None,
        "the new meeting in the database")
    header = wait_for(lambda: next((a for a in walk(meetings) if a.getRoleName() == "label"
                                    and f"({number})" in plain(text_of(a))
                                    and "قيد الإعداد" in text_of(a)), None),
                      "the new meeting shown, in preparation")
    check(True, f"a new meeting is prepared, numbered {number} by the database")
    lines = text_of(header).split("\n")
    check(len(lines) == 2 and all(line.startswith(RLM) for line in lines),
          "each line of the meeting's header reads right to left in Arabic")
    press_button(meetings, "افتتح الاجتماع")
    # Dated tomorrow, it convenes today only once the clerk changes its date.
    press_button(root, "غيّر التاريخ وافتتح", "the question to change the meeting's date")

    # The agenda: the file from those waiting.
    wait_for(lambda: sql(f"SELECT state FROM meeting WHERE id = {meeting}") == "convened",
             "the meeting convened")
    check(sql(f"SELECT held_on = current_date FROM meeting WHERE id = {meeting}") == "t",
          "the meeting convened today, its date changed when the clerk said so")
    press_button(meetings, "أضف ملفات…")
    proposals = wait_for(lambda: window_named(root, "إضافة ملفات إلى جدول الأعمال"),
                         "the files waiting")
    digits = file_number.split("/", 1)[1]
    for number in (file_number, later_number):
        check_box = wait_for(lambda: next((a for a in walk(proposals)
                                           if a.getRoleName() == "check box"
                                           and number.split("/", 1)[1] in (a.name or "")), None),
                             f"file {number} among those waiting")
        activate(check_box)
    press_button(proposals, "أضف إلى جدول الأعمال")
    row_of(meetings, later_number.split("/", 1)[1], exact=False)
    check(sql(f"SELECT string_agg(status, ',' ORDER BY id) FROM case_file"
              f" WHERE id IN ({case_id}, {later_id})") == "scheduled,scheduled",
          "the two files are on the agenda and scheduled")

    # The third file's police clearance expires, on another workstation,
    # once it was chosen: the database refuses it and names the document.
    press_button(meetings, "أضف ملفات…")
    proposals = wait_for(lambda: window_named(root, "إضافة ملفات إلى جدول الأعمال"),
                         "the files waiting, again")
    activate(wait_for(lambda: next((a for a in walk(proposals) if a.getRoleName() == "check box"
                                    and lapsed_number.split("/", 1)[1] in (a.name or "")), None),
                      f"file {lapsed_number} among those waiting"))
    sql("UPDATE document SET issued_on = current_date - 400"
        f" WHERE case_id = {lapsed_id} AND type_code = 'police_clearance'")
    press_button(proposals, "أضف إلى جدول الأعمال")
    refusal = wait_for(lambda: next((text_of(a) for a in walk(meetings)
                                     if a.getRoleName() == "label"
                                     and "مستندات مطلوبة أولًا" in text_of(a)), None),
                       "the refusal of the file whose document expired")
    check("شهادة خلو سوابق" in refusal and "لا يُدرج الملف" in refusal
          and sql(f"SELECT status FROM case_file WHERE id = {lapsed_id}") == "complete",
          f"a file whose document expired is refused, the refusal naming it: {plain(refusal)}")

    # Attendance and the quorum.
    def quorum():
        return next((text_of(a) for a in walk(meetings) if a.getRoleName() == "label"
                     and text_of(a).startswith("النصاب ")), None)

    said = wait_for(quorum, "the quorum")
    check(said.startswith("النصاب غير مكتمل"), f"no quorum yet: {said}")
    for member in (chair, first, second):
        toggle_in(lambda: row_of(meetings, member[1]), "حاضر")
        wait_for(lambda: sql(f"SELECT status FROM attendance WHERE meeting_id = {meeting}"
                             f"   AND user_id = {member[0]}") == "present",
                 f"{member[1]} marked present")
    wait_for(lambda: (quorum() or "").startswith("النصاب مكتمل"), "the quorum met with three present")
    check(True, "three of five present, the chair among them: the quorum is met")

    # Two votes, the second a rejection with its reasons.
    # The item under discussion, the first not decided, is open.
    toggle_in(lambda: row_of(item_of(meetings, digits), chair[1]), "موافق")
    wait_for(lambda: sql(f"SELECT choice FROM vote v JOIN agenda_item i ON i.id = v.agenda_item_id"
                         f" WHERE i.meeting_id = {meeting} AND v.user_id = {chair[0]}") == "approve",
             "the chair's vote stored")
    toggle_in(lambda: row_of(item_of(meetings, digits), first[1]), "غير موافق")
    reasons = wait_for(lambda: next((a for a in walk(root) if a.getRoleName() in ("text", "entry")
                                     and bare(a.name) == "أسباب الرفض"), None),
                       "the reasons asked for a rejection")
    reasons.queryEditableText().setTextContents("الفارق الكبير في السن")
    press_button(root, "صوّت بالرفض")
    wait_for(lambda: sql(f"SELECT reasons FROM vote v JOIN agenda_item i ON i.id = v.agenda_item_id"
                         f" WHERE i.meeting_id = {meeting} AND v.user_id = {first[0]}")
             == "الفارق الكبير في السن", "the rejection stored with its reasons")
    check(True, "two votes entered, the rejection with its reasons")

    # Another workstation enters the third vote, a second rejection; it
    # shows here by itself.
    sql(f"SELECT lajna_vote_cast(i.id, {second[0]}, 'reject', 'نقص في الوثائق')"
        f" FROM agenda_item i WHERE i.meeting_id = {meeting} AND i.case_id = {case_id}")
    wait_for(lambda: "نقص في الوثائق" in texts(row_of(item_of(meetings, digits), second[1])),
             "the vote from the other workstation", timeout=10)
    check(True, "a vote entered on another workstation appears without reloading")

    # Another workstation attaches a document to the file under discussion.
    listed = wait_for(lambda: documents_in(item_of(meetings, digits)), "the file's documents")
    scan = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures",
                        "ruling-page1-72dpi.png")
    subprocess.run([os.environ["LAJNACTL"], "doc", "import", "--case", case_id, scan],
                   check=True, capture_output=True)
    wait_for(lambda: documents_in(item_of(meetings, digits)) == listed + 1,
             "the document attached elsewhere", timeout=15)
    check(True, "a document attached on another workstation appears in the item by itself")

    # The decision: the dialog names the file and counts the votes.
    press_button(item_of(meetings, digits), "سجّل القرار…")
    decision = wait_for(lambda: window_named(root, "تسجيل القرار"), "the decision dialog")
    title = sql(f"SELECT title FROM case_file WHERE id = {case_id}")
    shown = wait_for(lambda: texts(decision) if "صوتان بالرفض" in texts(decision) else None,
                     "the votes counted in the decision dialog")
    check(digits in plain(shown) and title in shown and "صوت واحد بالموافقة" in shown
          and "لا امتناع" in shown,
          f"the decision dialog names the file, its parties and the votes: {plain(shown)}")
    words = wait_for(lambda: next((a for a in walk(decision) if a.getRoleName() in ("text", "entry")
                                   and bare(a.name) == "الأسباب مكتوبة"), None),
                     "the reasons in words")
    try:
        box = words.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        frame = decision.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        check(box.height > 0 and box.y + box.height <= frame.height,
              f"the reasons in words show without scrolling ({box.y}+{box.height} of "
              f"{frame.height})")
    except NotImplementedError:
        check(False, "the reasons in words have no extents to check")

    # Against the votes (one for, two against), it asks first.
    reason = "قرر بعد المداولة"
    press_button(decision, "الموافقة", "the outcomes of a marriage file")
    words.queryEditableText().setTextContents(reason)
    # Meanwhile the chair leaves the room: the database refuses the decision.
    chair_leaves = (f"UPDATE attendance SET status = '{{}}' WHERE meeting_id = {meeting}"
                    f"   AND user_id = {chair[0]}")
    sql(chair_leaves.format("absent"))
    press_button(decision, "سجّل")
    wait_for(lambda: "تسجيل قرار يخالف الأصوات؟" in texts(root), "the question")
    check(sql(f"SELECT count(*) FROM decision WHERE case_id = {case_id}") == "0",
          "a decision against the votes asks before it is recorded")
    press_button(root, "سجّله على أي حال")
    wait_for(lambda: "لم يكتمل نصاب الاجتماع" in texts(decision), "the refusal in the dialog")
    check(window_named(root, "تسجيل القرار") is not None and text_of(words) == reason
          and sql(f"SELECT count(*) FROM decision WHERE case_id = {case_id}") == "0",
          "a refused decision says why in the dialog, which keeps the reasons typed")

    # The chair is back; asked again, the clerk confirms.
    sql(chair_leaves.format("present"))
    press_button(decision, "سجّل")
    press_button(root, "سجّله على أي حال", "the question again")
    wait_for(lambda: sql(f"SELECT status FROM case_file WHERE id = {case_id}") == "decided",
             "the file decided")
    check(sql(f"SELECT outcome || ' ' || reasons FROM decision WHERE case_id = {case_id}")
          == "approve " + reason,
          "once confirmed, the decision is recorded with its reasons and the file is decided")

    # With no vote at all, it asks too; the clerk thinks again.
    later_digits = later_number.split("/", 1)[1]
    press_button(item_of(meetings, later_digits), "سجّل القرار…")
    decision = wait_for(lambda: window_named(root, "تسجيل القرار"), "the decision dialog")
    press_button(decision, "الموافقة")
    press_button(decision, "سجّل")
    wait_for(lambda: "تسجيل قرار دون أصوات؟" in texts(root), "the question without votes")
    press_button(root, "إلغاء")
    press_button(decision, "إلغاء")
    wait_for(lambda: window_named(root, "تسجيل القرار") is None, "the decision dialog closed")
    check(sql(f"SELECT count(*) FROM decision WHERE case_id = {later_id}") == "0",
          "a decision without votes asks first, and is not recorded when the clerk cancels")

    # The presenter view, driven from the keyboard.
    press_button(meetings, "عرض القاعة")
    presenter = wait_for(lambda: window_named(root, "عرض القاعة"), "the presenter view")

    def item_shown(n):
        return any(a.getRoleName() == "label" and plain(text_of(a)) == f"البند {n} من 2"
                   for a in walk(presenter))

    wait_for(lambda: item_shown(2), "item 2 of 2, under discussion, on the presenter view")
    check(any(later_digits in text_of(a) for a in walk(presenter)),
          "the presenter view opens on the item under discussion, its file in large type")
    wait_for(lambda: documents_in(presenter), "the documents on the presenter view")
    check(not buttons_named(presenter, "مسح مستندات ضوئيًا…")
          and not buttons_named(presenter, "إرفاق مستندات…"),
          "the presenter view offers no clerk's button to scan or attach")
    press(KEY_PAGE_UP)
    wait_for(lambda: item_shown(1), "item 1 of 2 after Page Up")
    shown = texts(presenter)
    check("الفارق الكبير في السن" in shown and "نقص في الوثائق" in shown,
          "the presenter view shows the reasons of the votes to reject")
    press(KEY_ESCAPE)
    wait_for(lambda: window_named(root, "عرض القاعة") is None, "the presenter view closed")

    press_button(meetings, "أغلق الاجتماع…")
    press_button(root, "أغلق الاجتماع", "the confirmation")
    wait_for(lambda: sql(f"SELECT state FROM meeting WHERE id = {meeting}") == "closed",
             "the meeting closed")
    check(sql(f"SELECT status FROM case_file WHERE id = {later_id}") == "complete",
          "the meeting is closed; the file not decided waits for the next meeting")
    press_with_control(KEYCODE_W)
    wait_for(lambda: window_named(root, "الاجتماعات") is None, "the meetings window closed")
    check(True, "the meetings window closes")

    # The main window's list: the decided file's status follows its ruling,
    # issued on another workstation.
    table = wait_for(lambda: find_role(root, "tree table"), "the file table")
    find_role(root, "entry").queryEditableText().setTextContents(file_number)

    def status_shown():
        # A row being filled in again has no cells yet: it is skipped.
        _, rows = data_rows(table)
        cells = (cell_texts(r) for r in rows)
        return next((c[3] for c in cells if len(c) > 3 and c[0] == file_number), None)

    decided = wait_for(lambda: (lambda s: s if s and "…" not in s else None)(status_shown()),
                       "the decided file in the list")
    subprocess.run([os.environ["LAJNACTL"], "ruling", "issue", "--case", case_id], check=True,
                   capture_output=True)
    check(sql(f"SELECT status FROM case_file WHERE id = {case_id}") == "ruling_issued",
          "another workstation issues the file's ruling")
    issued = wait_for(lambda: (lambda s: s if s and s != decided else None)(status_shown()),
                      "the status after the ruling", timeout=15)
    check(True, f"the list's status follows by itself: {decided} → {issued}")

    refused = subprocess.run(
        ["psql", "-X", "-q", "-h", os.path.join(os.environ["LAJNA_DATA_DIR"], "run"), "-d", "lajna",
         "-c", f"UPDATE vote SET choice = 'approve', reasons = '' FROM agenda_item i"
               f" WHERE i.id = vote.agenda_item_id AND i.meeting_id = {meeting}"],
        capture_output=True, text=True)
    check(refused.returncode != 0 and "closed" in refused.stderr,
          "an UPDATE through psql of the closed meeting's votes is refused")

    path = os.path.join(os.environ["LAJNA_DATA_DIR"], "minutes.pdf")
    subprocess.run([os.environ["LAJNACTL"], "minutes", "--meeting", meeting, "-o", path],
                   check=True, capture_output=True)
    text = subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    check(digits in text and "الفارق الكبير في السن".replace(" ", "") in text.replace(" ", ""),
          "the minutes carry the file and the reasons of the rejection")


raise SystemExit(run(main, results))
