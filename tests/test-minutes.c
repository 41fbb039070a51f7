/* test-minutes.c: a closed meeting's Arabic minutes, checked with
 * poppler-utils: its attendance, quorum, votes, decisions and a correction
 * in logical order, dates and file numbers in their own order, every font
 * embedded, and the printing in the audit trail. */

#include <check.h>
#include <string.h>

#include "lajna-meeting-actions.h"
#include "lajna-minutes.h"
#include "lajna-test-meetings.h"
#include "lajna-test-util.h"

START_TEST (test_minutes)
{
  g_autoptr(LajnaDb) db = lajna_test_shared_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = lajna_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "minutes.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL;
  g_autofree char *number = NULL;
  gint64 item, second, vote, meeting;
  const char *expected[] = {
    "محضر اجتماع لجنة الزواج المختلط", "الحضور", "رئيس اللجنة — حاضر", "معتذر",
    "والنصاب المطلوب", "مكتملًا", "نتيجة التصويت", "الفارق الكبير في السن",
    "الموافقة", "تأجيل البت لحين استكمال المستندات", "خطأ في تسجيل", "أمين السر",
  };

  meeting = sitting_with_item (db, "mtm", "marriage", "2032-03-01", &item);
  second = lajna_agenda_add (db, meeting, complete_file (db, "marriage"), &error);
  expect_ok (second != 0, error);
  expect_ok (lajna_meeting_set_attendance (db, meeting, member (db, "mtm", "m4"), "excused",
                                           &error), error);
  expect_ok (lajna_vote_cast (db, item, member (db, "mtm", "chair"), "approve", "", &error) != 0,
             error);
  vote = lajna_vote_cast (db, item, member (db, "mtm", "m1"), "reject",
                          "الفارق الكبير في السن بين الطرفين", &error);
  expect_ok (vote != 0, error);
  expect_ok (lajna_decision_record (db, item, "approve", (const char *[]) { "conditions_met", NULL },
                                    "", NULL, NULL, &error) != 0, error);
  expect_ok (lajna_decision_record (db, second, "defer", NULL, "",
                                    (const char *[]) { "police_clearance", NULL }, NULL,
                                    &error) != 0, error);
  expect_ok (lajna_meeting_set_state (db, meeting, "closed", FALSE, &error), error);
  expect_ok (lajna_vote_correct (db, vote, "abstain", "", "خطأ في تسجيل الصوت", &error) != 0,
             error);

  expect_ok (lajna_minutes_export (db, meeting, path, &error), error);
  ck_assert_int_eq (query_for (db, "SELECT count(*) FROM audit_event WHERE action = 'meeting.minutes'"
                                   "   AND object_id = $1", meeting), 1);
  text = lajna_test_tool_output ("pdftotext", ARGS (path, "-"), NULL);
  flat = lajna_test_flat_text (text);
  /* Dates and file numbers in their own order; Arabic in logical order. */
  ck_assert_msg (strstr (text, "2032-03-01") != NULL, "%s", text);
  number = query_text (db, "SELECT split_part(c.file_number, '/', 2) FROM agenda_item i"
                           "  JOIN case_file c ON c.id = i.case_id WHERE i.id = $1", item);
  ck_assert_msg (strstr (text, number) != NULL, "no %s in %s", number, text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *words = lajna_test_flat_text (expected[i]);

      ck_assert_msg (strstr (flat, words) != NULL, "no “%s” in %s", expected[i], text);
    }

  lajna_test_assert_fonts_embedded (path);
  lajna_test_remove_dir (dir);
}
END_TEST

static Suite *
minutes_suite (void)
{
  Suite *suite = suite_create ("minutes");
  TCase *tc = tcase_create ("pdf");

  tcase_add_unchecked_fixture (tc, setup_committees, lajna_test_shared_stop);
  tcase_add_test (tc, test_minutes);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return lajna_test_run (minutes_suite ());
}
