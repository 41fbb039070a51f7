/* lajna-case-details.c: everything about one file, read-only, as titled
 * sections of labelled facts that the CLI prints and the app shows. */

#include "lajna-case-details.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-audit.h"
#include "lajna-db-private.h"
#include "lajna-labels.h"
#include "lajna-text.h"
#include "lajna-time.h"

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

/* How a fact's value is shown: as it is, by its code's label (a status,
 * a sex…), or by the labels of its codes (a programme). */
typedef enum
{
  FACT_TEXT,
  FACT_CODE,
  FACT_CODES,
} FactKind;

/* A fact read from the column of the same name. */
typedef struct
{
  const char *column;
  const char *label;
  FactKind    kind;
} FactSpec;

static const FactSpec person_facts[] = {
  { "full_name", N_("Name"), FACT_TEXT },
  { "latin_name", N_("Name in Latin letters"), FACT_TEXT },
  { "sex", N_("Sex"), FACT_CODE },
  { "birth_date", N_("Birth date"), FACT_TEXT },
  { "nationality", N_("Nationality"), FACT_TEXT },
  { "national_number", N_("National number"), FACT_TEXT },
  { "passport_number", N_("Passport number"), FACT_TEXT },
  { "passport_expiry", N_("Passport expiry"), FACT_TEXT },
};

static const FactSpec file_facts[] = {
  { "file_number", N_("File number"), FACT_TEXT },
  { "committee", N_("Committee"), FACT_TEXT },
  { "kind", N_("Kind"), FACT_CODE },
  { "status", N_("Status"), FACT_CODE },
  { "received_on", N_("Received"), FACT_TEXT },
  { "notes", N_("Notes"), FACT_TEXT },
  { "direction", N_("Direction"), FACT_CODE },
  { "previous_marriages", N_("Previous marriages"), FACT_TEXT },
  { "residence", N_("Residence"), FACT_TEXT },
};

static const FactSpec guardian_facts[] = {
  { "guardian_name", N_("Name"), FACT_TEXT },
  { "guardian_relation", N_("Relation"), FACT_TEXT },
  { "guardian_phone", N_("Telephone"), FACT_TEXT },
};

static const FactSpec placement_facts[] = {
  { "facility", N_("Facility"), FACT_TEXT },
  { "admission_date", N_("Admitted"), FACT_TEXT },
  { "court", N_("Court"), FACT_TEXT },
  { "court_case_number", N_("Court case number"), FACT_TEXT },
  { "charge_category", N_("Charge"), FACT_CODE },
  { "legal_status", N_("Legal status"), FACT_CODE },
  { "programme", N_("Programme"), FACT_CODES },
  { "social_worker", N_("Social worker"), FACT_TEXT },
  { "psychologist", N_("Psychologist"), FACT_TEXT },
  { "review_cycle_days", N_("Review every (days)"), FACT_TEXT },
  { "next_review_on", N_("Next review"), FACT_TEXT },
};

/* @value as a person reads it: no code shows raw. */
static char *
dup_shown (const FactSpec *spec,
           const char     *value)
{
  if (value == NULL)
    return NULL;
  if (spec != NULL && spec->kind == FACT_CODE)
    return g_strdup (lajna_label_for (value));
  if (spec != NULL && spec->kind == FACT_CODES)
    return lajna_label_list (value);
  return g_strdup (value);
}

static void
add_facts (LajnaFactSection *section,
           const Row        *row,
           const FactSpec   *specs,
           guint             n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *value = dup_shown (&specs[i], col (row, specs[i].column));

      add_fact (section, specs[i].column, _(specs[i].label), value);
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
      "       CASE WHEN $2::boolean THEN c.name_ar ELSE c.name_en END AS nationality, %s,"
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
  const char *params[] = { id, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db, sql, 2, params, error);

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

/* The fact a field of the file's history is, if it is one. */
static const FactSpec *
find_spec (const char *column)
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
        return &tables[t].specs[i];
  return NULL;
}

/* The file's timeline: status steps and field changes, oldest first,
 * each with who made it. */
static gboolean
read_history (LajnaCaseDetails  *details,
              LajnaDb           *db,
              const char        *id,
              GError           **error)
{
  /* A nationality changed is named, not given by its code. */
  const char *params[] = { id, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT " LAJNA_TIME_EPOCH ("at") " AS at_epoch, subject, field,"
      "       coalesce(o.name, old_value) AS old_value, coalesce(n.name, new_value) AS new_value,"
      "       lajna_user_name(actor) AS actor"
      "  FROM (SELECT at, id, actor, NULL AS subject, NULL AS field, from_status AS old_value,"
      "               to_status AS new_value FROM case_history WHERE case_id = $1"
      "        UNION ALL"
      "        SELECT at, id, actor, subject, field, old_value, new_value"
      "          FROM case_change WHERE case_id = $1) t"
      "  LEFT JOIN LATERAL (SELECT CASE WHEN $2::boolean THEN c.name_ar ELSE c.name_en END"
      "                       FROM country c WHERE t.field = 'nationality'"
      "                        AND c.code = t.old_value) o (name) ON true"
      "  LEFT JOIN LATERAL (SELECT CASE WHEN $2::boolean THEN c.name_ar ELSE c.name_en END"
      "                       FROM country c WHERE t.field = 'nationality'"
      "                        AND c.code = t.new_value) n (name) ON true"
      " ORDER BY at, field NULLS FIRST, t.id", 2, params, error);
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
      g_autofree char *at = lajna_time_local_text (col (&row, "at_epoch"));
      g_autofree char *actor = lajna_isolate (col (&row, "actor"));
      g_autofree char *change = NULL;
      g_autofree char *done = NULL;

      if (field == NULL && old_value == NULL)
        change = g_strdup (lajna_label_for (new_value));
      else if (field == NULL)
        change = g_strdup_printf (_("%s → %s"), lajna_label_for (old_value),
                                  lajna_label_for (new_value));
      else
        {
          const FactSpec *spec = find_spec (field);
          g_autofree char *was = dup_shown (spec, old_value);
          g_autofree char *now = dup_shown (spec, new_value);

          change = g_strdup_printf (_("%s, %s: %s → %s"), lajna_label_for (col (&row, "subject")),
                                    spec != NULL ? _(spec->label) : field,
                                    was != NULL ? was : "—", now != NULL ? now : "—");
        }
      /* Translators: a step or change of a file, then the person who made it. */
      done = g_strdup_printf (_("%s, by %s"), change, actor);
      add_fact (section, field != NULL ? field : "status", at, done);
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
      "SELECT " LAJNA_TIME_EPOCH ("at") ", lajna_user_name(actor), action"
      "  FROM lajna_case_access_history($1)", 1, &id, error);
  LajnaFactSection *section;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  section = add_section (details, "access", _("Access History"));
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_autofree char *at = lajna_time_local_text (PQgetvalue (result, i, 0));
      g_autofree char *what = g_strdup_printf (_("%s: %s"), PQgetvalue (result, i, 1),
                                               lajna_label_for (PQgetvalue (result, i, 2)));

      add_fact (section, "access", at, what);
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
