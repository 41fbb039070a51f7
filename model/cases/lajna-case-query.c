/* lajna-case-query.c: which files a list shows, in which order, read
 * page by page with keyset queries.
 *
 * A page starts at a key (sort value, id) and reads forward along an
 * index, so page 4,000 costs what page 1 costs. Where a list must jump to
 * a position, lajna_case_query_anchors() gives the key of every Nth row in
 * one pass over the index.
 */

#include "lajna-case-query.h"

#include <string.h>

#include "lajna-db-private.h"
#include "lajna-text.h"

struct _LajnaCaseQuery
{
  int                committee_id;
  char              *status;
  char              *kind;
  char              *received_from;
  char              *received_to;
  gboolean           missing_documents;
  LajnaCaseFollowUp  follow_up;
  guint              waiting_days;
  char              *text;
  LajnaCaseSort      sort;
  gboolean           descending;
};

static const struct
{
  const char *column;
  const char *type;
} sort_columns[] = {
  [LAJNA_CASE_SORT_RECEIVED] = { "received_on", "date" },
  [LAJNA_CASE_SORT_FILE_NUMBER] = { "file_number", "text" },
  [LAJNA_CASE_SORT_TITLE] = { "title", "text" },
  [LAJNA_CASE_SORT_STATUS] = { "status", "text" },
};

/* Dates come as YYYY-MM-DD text: lajna_db_connect() sets DateStyle ISO.
 * (A cast to text here would keep the planner off the sort index.) */
/* How many rows in order a search walks before asking the trigram index. */
#define WALK_ROWS 20000

#define SUMMARY_COLUMNS "id, file_number, title, kind, status, received_on"

/* The files as a person who does not read names sees them: juveniles by
 * their initials, searched by file number. */
#define FILES_WITHOUT_NAMES \
  "(SELECT id, committee_id, file_number, listed_title AS title, kind, status, received_on," \
  " lajna_norm(lower(file_number)) AS search_norm FROM case_file) case_file"

/* SQL text with its parameters, numbered as they are added, for the
 * connection that runs it. */
typedef struct
{
  GString   *sql;
  GPtrArray *values;
  LajnaDb   *db;
} Statement;

static void
statement_init (Statement  *st,
                LajnaDb    *db,
                const char *start)
{
  st->sql = g_string_new (start);
  st->values = g_ptr_array_new_with_free_func (g_free);
  st->db = db;
}

static void
add_files (Statement *st)
{
  g_string_append (st->sql, lajna_db_sees (st->db, LAJNA_DB_SIGHT_NAMES) ? "case_file"
                                                                         : FILES_WITHOUT_NAMES);
}

/* A national or passport number, which the search text does not hold. */
static gboolean
is_identity_number (const char *word)
{
  gboolean digit = FALSE;
  size_t length = strlen (word);

  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
      digit |= g_ascii_isdigit (*p);
    }
  return digit && length >= 5 && length <= 20;
}

static void
statement_clear (Statement *st)
{
  g_string_free (st->sql, TRUE);
  g_ptr_array_unref (st->values);
}

static void
add_param (Statement *st,
           char      *value)
{
  g_ptr_array_add (st->values, value);
  g_string_append_printf (st->sql, "$%u", st->values->len);
}

static char *
like_pattern (const char *word)
{
  GString *s = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* " AND column op $n", when there is a value. */
static void
add_condition (Statement  *st,
               const char *condition,
               const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (st->sql, " AND %s ", condition);
  add_param (st, g_strdup (value));
}

/* The follow-up lists read case_follow_up (0035), kept as files change,
 * rather than each file's checklist or history. */
static void
add_follow_up (const LajnaCaseQuery *self,
               Statement            *st)
{
  if (self->missing_documents)
    g_string_append (st->sql, " AND id IN (SELECT case_id FROM case_follow_up"
                              " WHERE documents_met_until IS NULL"
                              " OR documents_met_until < current_date)");
  switch (self->follow_up)
    {
    case LAJNA_CASE_FOLLOW_UP_NONE:
      break;
    case LAJNA_CASE_FOLLOW_UP_DUE_FOR_REVIEW:
      g_string_append_printf (st->sql, " AND id IN (SELECT case_id FROM case_follow_up"
                                       " WHERE next_review_on BETWEEN current_date"
                                       " AND current_date + %d)", LAJNA_CASE_REVIEW_DAYS);
      break;
    case LAJNA_CASE_FOLLOW_UP_OVERDUE:
      g_string_append (st->sql, " AND id IN (SELECT case_id FROM case_follow_up"
                                " WHERE next_review_on < current_date)");
      break;
    case LAJNA_CASE_FOLLOW_UP_WAITING:
      g_string_append (st->sql, " AND id IN (SELECT case_id FROM case_follow_up"
                                " WHERE pending_since < now() - make_interval(days => ");
      add_param (st, g_strdup_printf ("%u", self->waiting_days));
      g_string_append (st->sql, "::integer))");
      break;
    case LAJNA_CASE_FOLLOW_UP_REPORTS_DUE:
      g_string_append_printf (st->sql, " AND id IN (SELECT case_id FROM lajna_reports_due(%d))",
                              LAJNA_CASE_REVIEW_DAYS);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_row_filters (const LajnaCaseQuery *self,
                 Statement            *st)
{
  g_autofree char *committee = NULL;

  if (self->committee_id != 0)
    committee = g_strdup_printf ("%d", self->committee_id);
  g_string_append (st->sql, " WHERE true");
  add_condition (st, "committee_id =", committee);
  add_condition (st, "status =", self->status);
  add_condition (st, "kind =", self->kind);
  add_condition (st, "received_on >=", self->received_from);
  add_condition (st, "received_on <=", self->received_to);
  add_follow_up (self, st);
}

/* Every word must appear in the file's normalized search text; words are
 * folded with the C twin of lajna_norm(), as the column is in SQL. */
static void
add_text_filters (const LajnaCaseQuery *self,
                  Statement            *st)
{
  g_autofree char *lower = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (self->text == NULL)
    return;

  lower = g_utf8_strdown (self->text, -1);
  folded = lajna_norm (lower);
  words = g_strsplit_set (folded != NULL ? folded : "", " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_string_append (st->sql, " AND (search_norm LIKE ");
      add_param (st, like_pattern (words[i]));
      if (is_identity_number (words[i]) && lajna_db_sees (st->db, LAJNA_DB_SIGHT_NUMBERS))
        {
          g_string_append (st->sql, " OR id = ANY (ARRAY(SELECT lajna_cases_with_number(");
          add_param (st, g_strdup (words[i]));
          g_string_append (st->sql, ")))");
        }
      g_string_append_c (st->sql, ')');
    }
}

static void
add_filters (const LajnaCaseQuery *self,
             Statement            *st)
{
  add_row_filters (self, st);
  add_text_filters (self, st);
}

static void
add_order (const LajnaCaseQuery *self,
           Statement            *st)
{
  const char *dir = self->descending ? "DESC" : "ASC";

  g_string_append_printf (st->sql, " ORDER BY %s %s, id %s", sort_columns[self->sort].column, dir,
                          dir);
}

static PGresult *
run (LajnaDb    *db,
     Statement  *st,
     GError    **error)
{
  return lajna_db_exec_params (db, st->sql->str, (int) st->values->len,
                               (const char * const *) st->values->pdata, error);
}

/**
 * lajna_case_query_new:
 *
 * Returns: (transfer full): a query for every file, newest first
 */
LajnaCaseQuery *
lajna_case_query_new (void)
{
  LajnaCaseQuery *self = g_new0 (LajnaCaseQuery, 1);

  self->sort = LAJNA_CASE_SORT_RECEIVED;
  self->descending = TRUE;
  return self;
}

LajnaCaseQuery *
lajna_case_query_copy (const LajnaCaseQuery *self)
{
  LajnaCaseQuery *copy = g_memdup2 (self, sizeof *self);

  copy->status = g_strdup (self->status);
  copy->kind = g_strdup (self->kind);
  copy->received_from = g_strdup (self->received_from);
  copy->received_to = g_strdup (self->received_to);
  copy->text = g_strdup (self->text);
  return copy;
}

void
lajna_case_query_free (LajnaCaseQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->status);
  g_free (self->kind);
  g_free (self->received_from);
  g_free (self->received_to);
  g_free (self->text);
  g_free (self);
}

gboolean
lajna_case_query_equal (const LajnaCaseQuery *a,
                        const LajnaCaseQuery *b)
{
  return a->committee_id == b->committee_id && g_strcmp0 (a->status, b->status) == 0
         && g_strcmp0 (a->kind, b->kind) == 0
         && g_strcmp0 (a->received_from, b->received_from) == 0
         && g_strcmp0 (a->received_to, b->received_to) == 0
         && a->missing_documents == b->missing_documents && a->follow_up == b->follow_up
         && a->waiting_days == b->waiting_days && g_strcmp0 (a->text, b->text) == 0
         && a->sort == b->sort && a->descending == b->descending;
}

/**
 * lajna_case_query_set_committee:
 * @self: a #LajnaCaseQuery
 * @committee_id: a committee, or 0 for all
 */
void
lajna_case_query_set_committee (LajnaCaseQuery *self,
                                int             committee_id)
{
  self->committee_id = committee_id;
}

/**
 * lajna_case_query_set_status:
 * @self: a #LajnaCaseQuery
 * @status: (nullable): a status, or %NULL for all
 */
void
lajna_case_query_set_status (LajnaCaseQuery *self,
                             const char     *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
}

/**
 * lajna_case_query_set_kind:
 * @self: a #LajnaCaseQuery
 * @kind: (nullable): "marriage" or "juvenile", or %NULL for both
 */
void
lajna_case_query_set_kind (LajnaCaseQuery *self,
                           const char     *kind)
{
  g_free (self->kind);
  self->kind = g_strdup (kind);
}

static gboolean
is_day (const char *text)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *midnight = NULL;

  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10)
    return FALSE;
  midnight = g_strconcat (text, "T00:00:00Z", NULL);
  day = g_date_time_new_from_iso8601 (midnight, NULL);
  return day != NULL;
}

/**
 * lajna_case_query_set_received:
 * @self: a #LajnaCaseQuery
 * @from: (nullable): the first day received, YYYY-MM-DD, or %NULL
 * @to: (nullable): the last day received, YYYY-MM-DD, or %NULL
 *
 * Returns: %FALSE, leaving the query as it was, when a day is not a date
 */
gboolean
lajna_case_query_set_received (LajnaCaseQuery *self,
                               const char     *from,
                               const char     *to)
{
  if (!is_day (from) || !is_day (to))
    return FALSE;
  g_free (self->received_from);
  g_free (self->received_to);
  self->received_from = g_strdup (from);
  self->received_to = g_strdup (to);
  return TRUE;
}

/**
 * lajna_case_query_set_missing_documents:
 * @self: a #LajnaCaseQuery
 * @missing: whether to keep only the files waiting on their documents
 *   whose checklist is not met (a document missing or expired)
 */
void
lajna_case_query_set_missing_documents (LajnaCaseQuery *self,
                                        gboolean        missing)
{
  self->missing_documents = missing;
}

/**
 * lajna_case_query_set_follow_up:
 * @self: a #LajnaCaseQuery
 * @follow_up: a follow-up list, or %LAJNA_CASE_FOLLOW_UP_NONE
 * @waiting_days: for %LAJNA_CASE_FOLLOW_UP_WAITING, the days of waiting
 *   (at least 1)
 */
void
lajna_case_query_set_follow_up (LajnaCaseQuery    *self,
                                LajnaCaseFollowUp  follow_up,
                                guint              waiting_days)
{
  g_return_if_fail (follow_up <= LAJNA_CASE_FOLLOW_UP_REPORTS_DUE);

  self->follow_up = follow_up;
  self->waiting_days = follow_up == LAJNA_CASE_FOLLOW_UP_WAITING ? MAX (waiting_days, 1) : 0;
}

int
lajna_case_query_get_committee (const LajnaCaseQuery *self)
{
  return self->committee_id;
}

const char *
lajna_case_query_get_status (const LajnaCaseQuery *self)
{
  return self->status;
}

const char *
lajna_case_query_get_kind (const LajnaCaseQuery *self)
{
  return self->kind;
}

const char *
lajna_case_query_get_received_from (const LajnaCaseQuery *self)
{
  return self->received_from;
}

const char *
lajna_case_query_get_received_to (const LajnaCaseQuery *self)
{
  return self->received_to;
}

gboolean
lajna_case_query_get_missing_documents (const LajnaCaseQuery *self)
{
  return self->missing_documents;
}

/**
 * lajna_case_query_get_follow_up:
 * @self: a #LajnaCaseQuery
 * @waiting_days: (out) (optional): the days of waiting, 0 for other lists
 *
 * Returns: the follow-up list the query keeps to
 */
LajnaCaseFollowUp
lajna_case_query_get_follow_up (const LajnaCaseQuery *self,
                                guint                *waiting_days)
{
  if (waiting_days != NULL)
    *waiting_days = self->waiting_days;
  return self->follow_up;
}

/**
 * lajna_case_query_set_text:
 * @self: a #LajnaCaseQuery
 * @text: (nullable): words to find in names and file numbers, in any
 *   Arabic spelling, or whole national and passport numbers (for those
 *   who may read them); %NULL or blank for none
 */
void
lajna_case_query_set_text (LajnaCaseQuery *self,
                           const char     *text)
{
  g_autofree char *stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  g_free (self->text);
  self->text = stripped != NULL && *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

void
lajna_case_query_set_sort (LajnaCaseQuery *self,
                           LajnaCaseSort   sort,
                           gboolean        descending)
{
  g_return_if_fail (sort < G_N_ELEMENTS (sort_columns));

  self->sort = sort;
  self->descending = descending;
}

/**
 * lajna_case_query_count:
 * @self: a #LajnaCaseQuery
 * @db: a connection
 * @n_rows: (out): how many files match
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_case_query_count (const LajnaCaseQuery  *self,
                        LajnaDb               *db,
                        guint                 *n_rows,
                        GError               **error)
{
  Statement st;
  g_autoptr(PGresult) result = NULL;

  statement_init (&st, db, "SELECT count(*) FROM ");
  add_files (&st);
  add_filters (self, &st);
  result = run (db, &st, error);
  statement_clear (&st);
  if (result == NULL)
    return FALSE;

  *n_rows = (guint) g_ascii_strtoull (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

static void
add_keyset (const LajnaCaseQuery *self,
            const LajnaCaseKey   *from,
            Statement            *st)
{
  if (from == NULL)
    return;
  g_string_append_printf (st->sql, " AND (%s, id) %s (", sort_columns[self->sort].column,
                          self->descending ? "<=" : ">=");
  add_param (st, g_strdup (from->value));
  g_string_append_printf (st->sql, "::%s, ", sort_columns[self->sort].type);
  add_param (st, g_strdup_printf ("%" G_GINT64_FORMAT, from->id));
  g_string_append (st->sql, "::bigint)");
}

/* With @walk, only the first WALK_ROWS rows in order are searched. */
static PGresult *
run_fetch (const LajnaCaseQuery  *self,
           LajnaDb               *db,
           const LajnaCaseKey    *from,
           guint                  limit,
           gboolean               walk,
           GError               **error)
{
  Statement st;
  PGresult *result;

  statement_init (&st, db, "SELECT " SUMMARY_COLUMNS " FROM ");
  if (walk)
    {
      g_string_append (st.sql, "(SELECT " SUMMARY_COLUMNS ", search_norm FROM ");
      add_files (&st);
      add_row_filters (self, &st);
      add_keyset (self, from, &st);
      add_order (self, &st);
      g_string_append_printf (st.sql, " LIMIT %d) s WHERE true", WALK_ROWS);
      add_text_filters (self, &st);
    }
  else
    {
      add_files (&st);
      add_filters (self, &st);
      add_keyset (self, from, &st);
    }
  add_order (self, &st);
  g_string_append (st.sql, " LIMIT ");
  add_param (&st, g_strdup_printf ("%u", limit));

  result = run (db, &st, error);
  statement_clear (&st);
  return result;
}

/**
 * lajna_case_query_fetch:
 * @self: a #LajnaCaseQuery
 * @db: a connection
 * @from: (nullable): the key of the first row wanted, or %NULL to start at
 *   the top
 * @limit: how many rows at most
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaCaseSummary) (nullable): the
 *   rows in order
 */
GPtrArray *
lajna_case_query_fetch (const LajnaCaseQuery  *self,
                        LajnaDb               *db,
                        const LajnaCaseKey    *from,
                        guint                  limit,
                        GError               **error)
{
  g_autoptr(PGresult) result = NULL;
  GPtrArray *rows;

  /* A common name matches thousands of files, and the planner cannot tell
   * from a LIKE pattern: first walk the newest rows in order (cheap when
   * matches are many); only when that finds too few, let the trigram
   * index find the rare ones. */
  if (self->text != NULL)
    {
      result = run_fetch (self, db, from, limit, TRUE, error);
      if (result != NULL && (guint) PQntuples (result) < limit)
        g_clear_pointer (&result, PQclear);
      else if (result == NULL)
        return NULL;
    }
  if (result == NULL)
    result = run_fetch (self, db, from, limit, FALSE, error);
  if (result == NULL)
    return NULL;

  rows = g_ptr_array_new_full (PQntuples (result), g_object_unref);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaCaseSummary *summary = lajna_case_summary_new ();

      lajna_case_summary_set (summary, g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10),
                              PQgetvalue (result, i, 1), PQgetvalue (result, i, 2),
                              PQgetvalue (result, i, 3), PQgetvalue (result, i, 4),
                              PQgetvalue (result, i, 5));
      g_ptr_array_add (rows, summary);
    }
  return rows;
}

void
lajna_case_key_clear (LajnaCaseKey *key)
{
  g_clear_pointer (&key->value, g_free);
}

/**
 * lajna_case_query_anchors:
 * @self: a #LajnaCaseQuery
 * @db: a connection
 * @every: the distance between anchors
 * @error: return location for a #GError
 *
 * Reads the keys of rows 0, @every, 2 × @every … in one pass, so that a
 * list can start a keyset page at any of them.
 *
 * Returns: (transfer full) (element-type LajnaCaseKey) (nullable): the keys
 */
GArray *
lajna_case_query_anchors (const LajnaCaseQuery  *self,
                          LajnaDb               *db,
                          guint                  every,
                          GError               **error)
{
  Statement st;
  g_autoptr(PGresult) result = NULL;
  const char *dir = self->descending ? "DESC" : "ASC";
  GArray *keys;

  g_return_val_if_fail (every > 0, NULL);

  statement_init (&st, db, "");
  g_string_append_printf (st.sql,
                          "SELECT v, id FROM (SELECT %s AS v, id, "
                          "row_number() OVER (ORDER BY %s %s, id %s) - 1 AS rn FROM ",
                          sort_columns[self->sort].column, sort_columns[self->sort].column, dir,
                          dir);
  add_files (&st);
  add_filters (self, &st);
  g_string_append (st.sql, ") s WHERE rn % ");
  add_param (&st, g_strdup_printf ("%u", every));
  g_string_append (st.sql, " = 0 ORDER BY rn");

  result = run (db, &st, error);
  statement_clear (&st);
  if (result == NULL)
    return NULL;

  keys = g_array_sized_new (FALSE, FALSE, sizeof (LajnaCaseKey), PQntuples (result));
  g_array_set_clear_func (keys, (GDestroyNotify) lajna_case_key_clear);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaCaseKey key = { g_strdup (PQgetvalue (result, i, 0)),
                           g_ascii_strtoll (PQgetvalue (result, i, 1), NULL, 10) };

      g_array_append_val (keys, key);
    }
  return keys;
}
