/* lajna-case-details.c: everything about one file, read-only, as titled
 * sections of labelled facts that the CLI prints and the app shows. */

#include "lajna-case-details.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-audit.h"
#include "lajna-labels.h"
#include "lajna-text.h"

static void
fact_free (LajnaFact *fact)
{
  g_free (fact->key);
  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

static void
section_free (LajnaFactSection *section)
{
  g_free (section->key);
  g_free (section->title);
  g_ptr_array_unref (section->facts);
  g_free (section);
}

static LajnaFactSection *
add_section (LajnaCaseDetails *details,
             const char       *key,
             const char       *title)
{
  LajnaFactSection *section = g_new0 (LajnaFactSection, 1);

  section->key = g_strdup (key);
  section->title = g_strdup (title);
  section->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) fact_free);
  g_ptr_array_add (details->sections, section);
  return section;
}

static void
add_fact (LajnaFactSection *section,
          const char       *key,
          const char       *label,
          const char       *value)
{
  LajnaFact *fact;

  if (value == NULL || *value == '\0')
    return;
  fact = g_new0 (LajnaFact, 1);
  fact->key = g_strdup (key);
  fact->label = g_strdup (label);
  fact->value = g_strdup (value);
  g_ptr_array_add (section->facts, fact);
}

/* A row read by column name, so the facts below read like a form. */
typedef struct
{
  PGresult *result;
  int       row;
} Row;

static const char *
col (const Row  *row,
     const char *name)
{
  int c = PQfnumber (row->result, name);

  g_assert (c >= 0);
  return PQgetisnull (row->result, row->row, c) ? NULL : PQgetvalue (row->result, row->row, c);
}

/* A fact read from the column of the same name; a coded value (a status,
 * a sex…) is shown by its label. */
typedef struct
{
  const char *column;
  const char *label;
  gboolean    coded;
} FactSpec;

static const FactSpec person_facts[] = {
  { "full_name", N_("Name"), FALSE },
  { "latin_name", N_("Name in Latin letters"), FALSE },
  { "sex", N_("Sex"), TRUE },
  { "birth_date", N_("Birth date"), FALSE },
  { "nationality", N_("Nationality"), FALSE },
  { "national_number", N_("National number"), FALSE },
  { "passport_number", N_("Passport number"), FALSE },
  { "passport_expiry", N_("Passport expiry"), FALSE },
};

static const FactSpec file_facts[] = {
  { "file_number", N_("File number"), FALSE },
  { "committee", N_("Committee"), FALSE },
  { "kind", N_("Kind"), TRUE },
  { "status", N_("Status"), TRUE },
  { "received_on", N_("Received"), FALSE },
  { "notes", N_("Notes"), FALSE },
  { "direction", N_("Direction"), TRUE },
  { "previous_marriages", N_("Previous marriages"), FALSE },
  { "residence", N_("Residence"), FALSE },
};

static const FactSpec guardian_facts[] = {
  { "guardian_name", N_("Name"), FALSE },
  { "guardian_relation", N_("Relation"), FALSE },
  { "guardian_phone", N_("Telephone"), FALSE },
};

static const FactSpec placement_facts[] = {
  { "facility", N_("Facility"), FALSE },
  { "admission_date", N_("Admitted"), FALSE },
  { "court", N_("Court"), FALSE },
  { "court_case_number", N_("Court case number"), FALSE },
  { "charge_category", N_("Charge"), FALSE },
  { "legal_status", N_("Legal status"), TRUE },
  { "programme", N_("Programme"), FALSE },
  { "social_worker", N_("Social worker"), FALSE },
  { "psychologist", N_("Psychologist"), FALSE },
  { "review_cycle_days", N_("Review every (days)"), FALSE },
  { "next_review_on", N_("Next review"), FALSE },
};

static void
add_facts (LajnaFactSection *section,
           const Row        *row,
           const FactSpec   *specs,
           guint             n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      const char *value = col (row, specs[i].column);

      add_fact (section, specs[i].column, _(specs[i].label),
                specs[i].coded && value != NULL ? lajna_label_for (value) : value);
    }
}

static gboolean
read_parties (LajnaCaseDetails  *details,
              LajnaDb           *db,
              const char        *id,
              GError           **error)
{
  /* Those who do not read identity numbers get none (PostgreSQL would
   * refuse the query). */
  g_autofree char *sql = g_strdup_printf (
      "SELECT x.role, p.full_name, p.latin_name, p.sex, p.birth_date::text AS birth_date,"
      "       c.name_ar || ' (' || c.name_en || ')' AS nationality, %s,"
      "       p.passport_expiry::text AS passport_expiry"
      "  FROM (SELECT 1 AS n, 'libyan_party' AS role, libyan_party_id AS person_id"
      "          FROM marriage_case WHERE case_id = $1"
      "        UNION ALL SELECT 2, 'foreign_party', foreign_party_id"
      "          FROM marriage_case WHERE case_id = $1"
      "        UNION ALL SELECT 1, 'juvenile', juvenile_id"
      "          FROM juvenile_case WHERE case_id = $1) x"
      "  JOIN person p ON p.id = x.person_id"
      "  JOIN country c ON c.code = p.nationality"
      " ORDER BY x.n",
      lajna_db_sees (db, LAJNA_DB_SIGHT_NUMBERS)
        ? "p.national_number, p.passport_number"
        : "NULL AS national_number, NULL AS passport_number");
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 1, &id, error);

  if (result == NULL)
    return FALSE;

  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *role = PQgetvalue (result, i, 0);

      Row row = { result, i };
      LajnaFactSection *section = add_section (details, role, lajna_party_label (role));

      add_facts (section, &row, person_facts, G_N_ELEMENTS (person_facts));
    }
  return TRUE;
}

static gboolean
read_file (LajnaCaseDetails  *details,
           LajnaDb           *db,
           const char        *id,
           GError           **error)
{
  /* A person who does not read names sees a juvenile by initials. */
  g_autofree char *sql = g_strdup_printf (
      "SELECT c.id, c.file_number, c.%s AS title, c.kind, c.status, c.received_on::text AS received_on,"
      "       c.row_version, c.notes, k.name_ar AS committee,"
      "       m.direction, m.previous_marriages::text AS previous_marriages, m.residence,"
      "       j.guardian_name, j.guardian_relation, j.guardian_phone, j.facility,"
      "       j.admission_date::text AS admission_date, j.court, j.court_case_number,"
      "       j.charge_category, j.legal_status, array_to_string(j.programme, ',') AS programme,"
      "       sw.full_name AS social_worker, ps.full_name AS psychologist,"
      "       j.review_cycle_days::text AS review_cycle_days, j.next_review_on::text AS next_review_on"
      "  FROM case_file c"
      "  JOIN committee k ON k.id = c.committee_id"
      "  LEFT JOIN marriage_case m ON m.case_id = c.id"
      "  LEFT JOIN juvenile_case j ON j.case_id = c.id"
      "  LEFT JOIN app_user sw ON sw.id = j.social_worker_id"
      "  LEFT JOIN app_user ps ON ps.id = j.psychologist_id"
      " WHERE c.id = $1",
      lajna_db_sees (db, LAJNA_DB_SIGHT_NAMES) ? "title" : "listed_title");
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 1, &id, error);
  Row row = { result, 0 };
  LajnaFactSection *section;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("There is no file with the id %s."), id);
      return FALSE;
    }

  details->id = g_ascii_strtoll (col (&row, "id"), NULL, 10);
  details->file_number = g_strdup (col (&row, "file_number"));
  details->title = g_strdup (col (&row, "title"));
  details->kind = g_strdup (col (&row, "kind"));
  details->status = g_strdup (col (&row, "status"));

  section = add_section (details, "file", _("File"));
  add_facts (section, &row, file_facts, G_N_ELEMENTS (file_facts));
  if (strcmp (details->kind, "juvenile") != 0)
    return TRUE;

  section = add_section (details, "guardian", _("Guardian"));
  add_facts (section, &row, guardian_facts, G_N_ELEMENTS (guardian_facts));
  section = add_section (details, "placement", _("Placement"));
  add_facts (section, &row, placement_facts, G_N_ELEMENTS (placement_facts));
  return TRUE;
}

/* Rejections and deferrals of the same people on other files: a clerk
 * registering a file must see them. */
static gboolean
read_earlier_decisions (LajnaCaseDetails  *details,
                        LajnaDb           *db,
                        const char        *id,
                        GError           **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT e.outcome, e.decided_on::text, c.file_number, e.reason"
      "  FROM lajna_case_earlier_decisions($1) e JOIN case_file c ON c.id = e.other_case_id",
      1, &id, error);
  LajnaFactSection *section;

  if (result == NULL)
    return FALSE;

  section = add_section (details, "earlier_decisions", _("Earlier decisions on these people"));
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autofree char *value = g_strdup_printf (_("%s on %s, file %s (%s)"),
                                                lajna_label_for (PQgetvalue (result, i, 0)),
                                                PQgetvalue (result, i, 1),
                                                PQgetvalue (result, i, 2),
                                                lajna_label_for (PQgetvalue (result, i, 3)));

      add_fact (section, PQgetvalue (result, i, 0), _("Warning"), value);
    }
  return TRUE;
}

static gboolean
read_checklist (LajnaCaseDetails  *details,
                LajnaDb           *db,
                const char        *id,
                GError           **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT c.type_code, t.name_ar, t.name_en, c.state, c.valid_until::text"
      "  FROM lajna_case_checklist($1) c JOIN document_type t ON t.code = c.type_code"
      " ORDER BY c.state = 'satisfied', t.code", 1, &id, error);
  int name_column = lajna_prefer_arabic () ? 1 : 2;
  LajnaFactSection *section;

  if (result == NULL)
    return FALSE;

  section = add_section (details, "checklist", _("Documents"));
  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *state = lajna_label_for (PQgetvalue (result, i, 3));
      g_autofree char *value = PQgetisnull (result, i, 4)
                                 ? g_strdup (state)
                                 : g_strdup_printf (_("%s, valid until %s"), state,
                                                    PQgetvalue (result, i, 4));

      add_fact (section, PQgetvalue (result, i, 0),
                PQgetvalue (result, i, name_column), value);
    }
  return TRUE;
}

static const char *
field_label (const char *column)
{
  static const struct
  {
    const FactSpec *specs;
    guint           n_specs;
  } tables[] = {
    { file_facts, G_N_ELEMENTS (file_facts) },
    { person_facts, G_N_ELEMENTS (person_facts) },
    { guardian_facts, G_N_ELEMENTS (guardian_facts) },
    { placement_facts, G_N_ELEMENTS (placement_facts) },
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (guint i = 0; i < tables[t].n_specs; i++)
      if (strcmp (tables[t].specs[i].column, column) == 0)
        return _(tables[t].specs[i].label);
  return column;
}

/* The file's timeline: status steps and field changes, oldest first. */
static gboolean
read_history (LajnaCaseDetails  *details,
              LajnaDb           *db,
              const char        *id,
              GError           **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at_text, subject, field,"
      "       old_value, new_value"
      "  FROM (SELECT at, id, NULL AS subject, NULL AS field, from_status AS old_value,"
      "               to_status AS new_value FROM case_history WHERE case_id = $1"
      "        UNION ALL"
      "        SELECT at, id, subject, field, old_value, new_value"
      "          FROM case_change WHERE case_id = $1) t"
      " ORDER BY at, field NULLS FIRST, id", 1, &id, error);
  LajnaFactSection *section;

  if (result == NULL)
    return FALSE;

  section = add_section (details, "history", _("History"));
  for (int i = 0; i < PQntuples (result); i++)
    {
      Row row = { result, i };
      const char *field = col (&row, "field");
      const char *old_value = col (&row, "old_value");
      const char *new_value = col (&row, "new_value");
      g_autofree char *change = NULL;

      if (field == NULL && old_value == NULL)
        change = g_strdup (lajna_label_for (new_value));
      else if (field == NULL)
        change = g_strdup_printf (_("%s → %s"), lajna_label_for (old_value),
                                  lajna_label_for (new_value));
      else
        change = g_strdup_printf (_("%s, %s: %s → %s"), lajna_label_for (col (&row, "subject")),
                                  field_label (field), old_value != NULL ? old_value : "—",
                                  new_value != NULL ? new_value : "—");
      add_fact (section, field != NULL ? field : "status", PQgetvalue (result, i, 0), change);
    }
  return TRUE;
}

/* Who registered, changed, moved and opened the file: shown to the chair
 * and the administrator of its committee, for whom alone the database
 * returns it. */
static gboolean
read_access_history (LajnaCaseDetails  *details,
                     LajnaDb           *db,
                     const char        *id,
                     GError           **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), actor, action"
      "  FROM lajna_case_access_history($1)", 1, &id, error);
  LajnaFactSection *section;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  section = add_section (details, "access", _("Access History"));
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autofree char *what = g_strdup_printf (_("%s: %s"), PQgetvalue (result, i, 1),
                                               lajna_label_for (PQgetvalue (result, i, 2)));

      add_fact (section, "access", PQgetvalue (result, i, 0), what);
    }
  return TRUE;
}

/**
 * lajna_case_details_fetch:
 * @db: a connection
 * @case_id: the file's id
 * @error: return location for a #GError; %LAJNA_DB_ERROR_NOT_FOUND when
 *   there is no such file
 *
 * Returns: (transfer full) (nullable): the file's details
 */
LajnaCaseDetails *
lajna_case_details_fetch (LajnaDb  *db,
                          gint64    case_id,
                          GError  **error)
{
  g_autoptr(LajnaCaseDetails) details = g_new0 (LajnaCaseDetails, 1);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  details->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  if (!lajna_db_run (db, "BEGIN ISOLATION LEVEL REPEATABLE READ", error))
    return NULL;
  /* Opening a juvenile file is recorded, in the transaction that reads it. */
  if (!read_file (details, db, id, error) || !read_parties (details, db, id, error)
      || !read_earlier_decisions (details, db, id, error) || !read_checklist (details, db, id, error)
      || !read_history (details, db, id, error)
      || !read_access_history (details, db, id, error)
      || (g_strcmp0 (details->kind, "juvenile") == 0
          && lajna_audit_append (db, "case.open", "case_file", case_id, error) == 0)
      || !lajna_db_run (db, "COMMIT", error))
    {
      lajna_db_run (db, "ROLLBACK", NULL);
      return NULL;
    }

  return g_steal_pointer (&details);
}

void
lajna_case_details_free (LajnaCaseDetails *self)
{
  if (self == NULL)
    return;
  g_free (self->file_number);
  g_free (self->title);
  g_free (self->kind);
  g_free (self->status);
  g_ptr_array_unref (self->sections);
  g_free (self);
}
