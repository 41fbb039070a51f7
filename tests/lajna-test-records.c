/* lajna-test-records.c: valid files to start a case-record test from. */

#include "lajna-test-records.h"

#include "lajna-db-private.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

const char * const lajna_test_countries[] = { "LY", "EG", "DE", "TN", NULL };

/* A valid file of each kind; a test overrides what it is about. */
static const char * const marriage_base[] = {
  "received_on", "2026-11-20", "notes", "ملف تجريبي",
  "direction", "libyan_man", "previous_marriages", "1", "residence", "طرابلس",
  "libyan_party.name", "أحمد", "libyan_party.father_name", "محمد",
  "libyan_party.grandfather_name", "علي", "libyan_party.family_name", "الورفلي",
  "libyan_party.sex", "m", "libyan_party.birth_date", "1990-03-15",
  "libyan_party.nationality", "LY", "libyan_party.national_number", "119900012345",
  "foreign_party.name", "منى", "foreign_party.latin_name", "Mona Hassan",
  "foreign_party.sex", "f", "foreign_party.birth_date", "1992-06-01",
  "foreign_party.nationality", "EG", "foreign_party.passport_number", "A1234567",
  "foreign_party.passport_expiry", "2028-01-31",
  NULL
};

static const char * const juvenile_base[] = {
  "received_on", "2026-11-20", "notes", "",
  "guardian_name", "خالد سالم التاجوري", "guardian_relation", "أب",
  "guardian_phone", "0912345678", "facility", "دار الرعاية", "admission_date", "2026-11-01",
  "court", "محكمة طرابلس", "court_case_number", "123/2026", "charge_category", "سرقة",
  "legal_status", "pretrial", "programme", "education,counselling",
  "review_cycle_days", "30", "next_review_on", "2026-12-01",
  "juvenile.name", "يوسف", "juvenile.father_name", "خالد", "juvenile.grandfather_name", "سالم",
  "juvenile.family_name", "التاجوري", "juvenile.sex", "m", "juvenile.birth_date", "2010-05-10",
  "juvenile.nationality", "LY", "juvenile.national_number", "120100012345",
  NULL
};



static void
set_pairs (LajnaCaseRecord    *record,
           const char * const *pairs)
{
  for (guint i = 0; pairs[i] != NULL; i += 2)
    ck_assert_msg (lajna_case_record_set (record, pairs[i], pairs[i + 1]),
                   "cannot set %s", pairs[i]);
}

/* A valid file of @kind for @committee_id, with @overrides (key, value
 * pairs, NULL-terminated) set over it. */
LajnaCaseRecord *
lajna_test_make_record (const char         *kind,
             int                 committee_id,
             const char * const *overrides)
{
  LajnaCaseRecord *record = lajna_case_record_new (kind, committee_id);

  set_pairs (record, strcmp (kind, "juvenile") == 0 ? juvenile_base : marriage_base);
  if (overrides != NULL)
    set_pairs (record, overrides);
  return record;
}

/* The id of the committee with @code. */
int
lajna_test_committee (LajnaDb    *db,
                      const char *code)
{
  const char *params[] = { code };
  g_autoptr(PGresult) result = lajna_db_exec_params (db, "SELECT id FROM committee WHERE code = $1",
                                                     1, params, NULL);

  ck_assert (result != NULL && PQntuples (result) == 1);
  return atoi (PQgetvalue (result, 0, 0));
}

/* A valid file of @kind registered in the committee with @code. */
gint64
lajna_test_register_file (LajnaDb    *db,
                          const char *kind,
                          const char *code)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, lajna_test_make_record (kind, lajna_test_committee (db, code), NULL));
  ck_assert_msg (lajna_case_record_register (db, records, &error), "%s", MESSAGE (error));
  return RECORD (records, 0)->id;
}
