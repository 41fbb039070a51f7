/* lajna-ruling-content.c: what a file's ruling says, read for the decision
 * in force on the file: the committee's letterhead, the ruling's number
 * when it is issued, the template of the outcome (the committee's own, or
 * the shared one) with every placeholder replaced by its value
 * (lajna_ruling_values() in 0019-rulings.sql), and who signs. */

#include "lajna-ruling-content.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-json.h"
#include "lajna-text.h"

static const char * const article_names[] = {
  "المادة الأولى", "المادة الثانية", "المادة الثالثة", "المادة الرابعة", "المادة الخامسة",
  "المادة السادسة", "المادة السابعة", "المادة الثامنة", "المادة التاسعة", "المادة العاشرة",
  "المادة الحادية عشرة", "المادة الثانية عشرة", "المادة الثالثة عشرة", "المادة الرابعة عشرة",
  "المادة الخامسة عشرة", "المادة السادسة عشرة", "المادة السابعة عشرة", "المادة الثامنة عشرة",
  "المادة التاسعة عشرة", "المادة العشرون",
};

/* The Arabic ordinal name of the @index-th article (0 is the first):
 * المادة الأولى، المادة الثانية … up to the twentieth. */
const char *
lajna_ruling_article_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (article_names), NULL);

  return article_names[index];
}

void
lajna_ruling_signatory_free (gpointer data)
{
  LajnaSignatory *signatory = data;

  g_free (signatory->capacity);
  g_free (signatory->full_name);
  g_free (signatory);
}

void
lajna_ruling_content_free (LajnaRulingContent *content)
{
  if (content == NULL)
    return;
  g_free (content->issued_on);
  g_free (content->state_name);
  g_free (content->ministry_name);
  g_free (content->committee_name);
  g_free (content->letterhead);
  g_clear_pointer (&content->logo, g_bytes_unref);
  g_free (content->seal);
  g_free (content->pdf_seal);
  g_free (content->correction_reason);
  g_free (content->title);
  g_free (content->preamble);
  g_strfreev (content->articles);
  g_clear_pointer (&content->signatories, g_ptr_array_unref);
  g_free (content);
}

/* Whether a value holds anything but Arabic words: a number, a date, a
 * Latin name. Arabic alone flows with the sentence; anything else is
 * isolated so that it keeps its own order (and text extracted from the
 * PDF reads 2026-11-23, which an isolated Arabic name beside it can
 * upset). */
static gboolean
needs_isolation (const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && g_unichar_get_script (c) != G_UNICODE_SCRIPT_ARABIC)
        return TRUE;
    }
  return FALSE;
}

/* What an empty value leaves stranded, and what stands in its place:
 * empty brackets, a space before a mark, a mark after a colon or after
 * another mark, a mark at the start, runs of spaces (a line break the
 * clerk typed stays). */
static const struct
{
  const char *pattern;
  const char *replacement;
} stranded[] = {
  { "[ \\t]*\\([ \\t]*\\)", "" },
  { "[ \\t]+([.،؛:])", "\\1" },
  { ":[ \\t]*[.،؛]+", ":" },
  { "(?<!\\.)[.،؛][ \\t]*\\.(?!\\.)", "." },
  { "،[ \\t]*[،؛]", "،" },
  { "^[ \\t]*[.،؛]+", "" },
  { "[ \\t]{2,}", " " },
};

/* @text without the punctuation that empty values left stranded. */
static char *
tidy (char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (stranded); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (stranded[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      char *tidied = g_regex_replace (regex, text, -1, 0, stranded[i].replacement, 0, NULL);

      g_assert (tidied != NULL);
      g_free (text);
      text = tidied;
    }
  return g_strstrip (text);
}

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  return lajna_ruling_content_load (db, *(gint64 *) data, error);
}

/**
 * lajna_ruling_content_load_async:
 * @worker: the database worker
 * @case_id: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the ruling of the file's decision in force
 * (lajna_ruling_content_load()) on the worker.
 */
void
lajna_ruling_content_load_async (LajnaDbWorker        *worker,
                                 gint64                case_id,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  lajna_db_worker_run_async (worker, load_job, g_memdup2 (&case_id, sizeof case_id), g_free,
                             (GDestroyNotify) lajna_ruling_content_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_ruling_content_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ruling, %NULL with no error
 *   when the file has no decision to rule on
 */
LajnaRulingContent *
lajna_ruling_content_load_finish (LajnaDbWorker  *worker,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/**
 * lajna_ruling_fill:
 * @text: a template's text
 * @values: placeholder name → value
 *
 * Replaces each {name} by its value, isolated unless it is Arabic words
 * only; an unknown name (which the database refuses in a template) is left
 * as written. Where a value is empty, the punctuation around it goes too:
 * no empty brackets, no full stop after a colon or another stop.
 *
 * Returns: (transfer full): the text filled in
 */
char *
lajna_ruling_fill (const char *text,
                   GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      const char *value;

      if (open == NULL || close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      value = g_hash_table_lookup (values, name);
      if (value != NULL && needs_isolation (value))
        {
          g_autofree char *isolated = lajna_isolate (value);

          g_string_append (out, isolated);
        }
      else if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return tidy (g_string_free (out, FALSE));
}

/**
 * lajna_ruling_article_is_empty:
 * @article: an article filled in
 *
 * Returns: whether @article says nothing: it is blank, or a heading whose
 *   values were all empty («أسباب القرار:»), and is left out of the ruling
 */
gboolean
lajna_ruling_article_is_empty (const char *article)
{
  return *article == '\0' || g_str_has_suffix (article, ":");
}

/* From the row of the decision in force, if the file has one: its id,
 * and its ruling's id, number and year (the first four columns). */
static gboolean
take_ids (LajnaRulingContent  *content,
          const PGresult      *result,
          GError             **error)
{
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The file has no decision to issue a ruling for."));
      return FALSE;
    }
  content->decision_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  content->ruling_id = g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  content->number = (int) g_ascii_strtoll (PQgetvalue (result, 0, 2), NULL, 10);
  content->year = (int) g_ascii_strtoll (PQgetvalue (result, 0, 3), NULL, 10);
  return TRUE;
}

/* The decision in force on the file, its ruling if issued, the letterhead
 * and the template. */
static gboolean
read_ruling (LajnaRulingContent  *content,
             LajnaDb             *db,
             const char          *case_id,
             char               **title,
             char               **preamble,
             GStrv               *articles,
             GError             **error)
{
  const char *params[] = { case_id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT d.id, r.id, r.number, r.year, r.issued_on::text,"
      "       k.state_name, k.ministry_name, k.name_ar,"
      "       coalesce(r.content->>'letterhead', k.letterhead),"
      "       CASE WHEN r.content ? 'layout' THEN decode(r.content->>'logo', 'base64')"
      "            ELSE k.logo END,"
      "       coalesce(r.content->>'title', t.title), coalesce(r.content->>'preamble', t.preamble),"
      "       coalesce((SELECT string_agg(a, E'\\x1e' ORDER BY n) FROM"
      "                   jsonb_array_elements_text(r.content->'articles') WITH ORDINALITY x (a, n)),"
      "                array_to_string(t.articles, E'\\x1e')),"
      "       coalesce((r.content->>'hijri')::boolean, k.hijri_dates), r.seal, k.id, r.version,"
      "       r.decision_id <> d.id, r.correction_reason, r.pdf IS NOT NULL, r.pdf_seal"
      "  FROM decision_now d JOIN case_file c ON c.id = d.case_id"
      "  JOIN committee k ON k.id = c.committee_id"
      "  LEFT JOIN ruling r ON r.id = lajna_decision_ruling(d.id)"
      "  CROSS JOIN LATERAL (SELECT * FROM ruling_template t WHERE t.outcome = d.outcome"
      "                        AND (t.committee_id = k.id OR t.committee_id IS NULL)"
      "                      ORDER BY t.committee_id NULLS LAST LIMIT 1) t"
      " WHERE d.case_id = $1 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1", 1, params, error);

  if (!take_ids (content, result, error))
    return FALSE;
  content->issued_on = lajna_db_dup_value (result, 0, 4);
  content->state_name = lajna_db_dup_value (result, 0, 5);
  content->ministry_name = lajna_db_dup_value (result, 0, 6);
  content->committee_name = lajna_db_dup_value (result, 0, 7);
  content->letterhead = lajna_db_dup_value (result, 0, 8);
  if (!PQgetisnull (result, 0, 9))
    {
      size_t length = 0;
      unsigned char *bytes = PQunescapeBytea ((const unsigned char *) PQgetvalue (result, 0, 9),
                                              &length);

      content->logo = g_bytes_new (bytes, length);
      PQfreemem (bytes);
    }
  content->hijri = PQgetvalue (result, 0, 13)[0] == 't';
  content->seal = lajna_db_dup_value (result, 0, 14);
  content->committee_id = (int) g_ascii_strtoll (PQgetvalue (result, 0, 15), NULL, 10);
  content->version = (int) g_ascii_strtoll (PQgetvalue (result, 0, 16), NULL, 10);
  content->outdated = PQgetvalue (result, 0, 17)[0] == 't';
  content->correction_reason = lajna_db_dup_value (result, 0, 18);
  content->is_signed = PQgetvalue (result, 0, 19)[0] == 't';
  content->pdf_seal = lajna_db_dup_value (result, 0, 20);
  *title = lajna_db_dup_value (result, 0, 10);
  *preamble = lajna_db_dup_value (result, 0, 11);
  *articles = g_strsplit (PQgetvalue (result, 0, 12), "\x1e", -1);
  return TRUE;
}

static GHashTable *
read_values (LajnaDb    *db,
             gint64      decision_id,
             GError    **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, decision_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT name, value FROM lajna_ruling_values($1)", 1, params, error);
  GHashTable *values;

  if (result == NULL)
    return NULL;
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_insert (values, g_strdup (PQgetvalue (result, i, 0)),
                         g_strdup (PQgetvalue (result, i, 1)));
  return values;
}

/* The chair first, then the members present at the meeting that decided;
 * without a meeting, the committee's chair. A sealed ruling's are those
 * it was sealed with. */
static GPtrArray *
read_signatories (LajnaDb                  *db,
                  const LajnaRulingContent *content,
                  GError                  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, content->seal != NULL
                                                                ? content->ruling_id
                                                                : content->decision_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = content->seal != NULL
    ? lajna_db_exec_params (db,
      "SELECT s->>'capacity', s->>'name' FROM ruling r,"
      "       jsonb_array_elements(r.content->'signatories') WITH ORDINALITY x (s, n)"
      " WHERE r.id = $1 ORDER BY n", 1, params, error)
    : lajna_db_exec_params (db,
      "SELECT CASE a.role WHEN 'chair' THEN 'رئيس اللجنة' WHEN 'rapporteur' THEN 'مقرر اللجنة'"
      "       ELSE 'عضو اللجنة' END, u.full_name"
      "  FROM decision d JOIN agenda_item i ON i.id = d.agenda_item_id"
      "  JOIN attendance_now a ON a.meeting_id = i.meeting_id"
      "  JOIN app_user u ON u.id = a.user_id"
      " WHERE d.id = $1 AND a.status = 'present' AND a.role IN ('chair', 'member', 'rapporteur')"
      " ORDER BY a.role <> 'chair', a.role <> 'rapporteur', u.full_name", 1, params, error);
  GPtrArray *signatories;

  if (result == NULL)
    return NULL;
  signatories = g_ptr_array_new_with_free_func (lajna_ruling_signatory_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaSignatory *signatory = g_new0 (LajnaSignatory, 1);

      signatory->capacity = g_strdup (PQgetvalue (result, i, 0));
      signatory->full_name = g_strdup (PQgetvalue (result, i, 1));
      g_ptr_array_add (signatories, signatory);
    }
  if (signatories->len == 0)
    {
      LajnaSignatory *chair = g_new0 (LajnaSignatory, 1);

      chair->capacity = g_strdup ("رئيس اللجنة");
      chair->full_name = g_strdup ("");
      g_ptr_array_add (signatories, chair);
    }
  return signatories;
}

/* For one who does not read rulings' text: the ruling's number, day and
 * version, and the outcome's name as its title. */
static gboolean
read_header (LajnaRulingContent  *content,
             LajnaDb             *db,
             const char          *case_id,
             GError             **error)
{
  const char *params[] = { case_id, lajna_prefer_arabic () ? "t" : "f" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT d.id, r.id, r.number, r.year, r.issued_on::text, c.committee_id, r.version,"
      "       r.decision_id <> d.id, r.sha256 IS NOT NULL,"
      "       CASE WHEN $2::boolean THEN o.name_ar ELSE o.name_en END"
      "  FROM decision_now d JOIN case_file c ON c.id = d.case_id"
      "  JOIN decision_outcome o ON o.code = d.outcome"
      "  LEFT JOIN ruling r ON r.id = lajna_decision_ruling(d.id)"
      " WHERE d.case_id = $1 ORDER BY d.decided_on DESC, d.id DESC LIMIT 1", 2, params, error);

  if (!take_ids (content, result, error))
    return FALSE;
  content->text_hidden = TRUE;
  content->issued_on = lajna_db_dup_value (result, 0, 4);
  content->committee_id = (int) g_ascii_strtoll (PQgetvalue (result, 0, 5), NULL, 10);
  content->version = (int) g_ascii_strtoll (PQgetvalue (result, 0, 6), NULL, 10);
  content->outdated = PQgetvalue (result, 0, 7)[0] == 't';
  content->is_signed = PQgetvalue (result, 0, 8)[0] == 't';
  content->title = lajna_db_dup_value (result, 0, 9);
  content->articles = g_new0 (char *, 1);
  content->signatories = g_ptr_array_new_with_free_func (lajna_ruling_signatory_free);
  return TRUE;
}

/**
 * lajna_ruling_content_load:
 * @db: a connection
 * @case_id: the file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ruling of the decision in force
 *   on the file, filled in; its number alone (@text_hidden) for one who
 *   does not read rulings' text
 */
LajnaRulingContent *
lajna_ruling_content_load (LajnaDb  *db,
                           gint64    case_id,
                           GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_autoptr(LajnaRulingContent) content = g_new0 (LajnaRulingContent, 1);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *title = NULL;
  g_autofree char *preamble = NULL;
  g_auto(GStrv) articles = NULL;
  guint n;

  if (!lajna_db_sees (db, LAJNA_DB_SIGHT_RULING_TEXT))
    return read_header (content, db, id, error) ? g_steal_pointer (&content) : NULL;
  if (!read_ruling (content, db, id, &title, &preamble, &articles, error)
      || (content->signatories = read_signatories (db, content, error)) == NULL)
    return NULL;
  /* A sealed ruling says what it said when it was sealed. */
  if (content->seal != NULL)
    {
      content->title = g_steal_pointer (&title);
      content->preamble = g_steal_pointer (&preamble);
      content->articles = g_steal_pointer (&articles);
      return g_steal_pointer (&content);
    }
  if ((values = read_values (db, content->decision_id, error)) == NULL)
    return NULL;
  content->title = lajna_ruling_fill (title, values);
  content->preamble = lajna_ruling_fill (preamble, values);
  /* An article that says nothing is left out, and the next takes its
   * ordinal name. */
  n = g_strv_length (articles);
  content->articles = g_new0 (char *, n + 1);
  for (guint i = 0, k = 0; i < n; i++)
    {
      g_autofree char *article = lajna_ruling_fill (articles[i], values);

      if (!lajna_ruling_article_is_empty (article))
        content->articles[k++] = g_steal_pointer (&article);
    }
  return g_steal_pointer (&content);
}

/**
 * lajna_ruling_content_copy:
 * @content: a ruling
 *
 * Returns: (transfer full): a copy of @content that shares nothing with
 *   it, for another thread to lay out
 */
LajnaRulingContent *
lajna_ruling_content_copy (const LajnaRulingContent *content)
{
  LajnaRulingContent *copy = g_memdup2 (content, sizeof *content);

  copy->issued_on = g_strdup (content->issued_on);
  copy->correction_reason = g_strdup (content->correction_reason);
  copy->seal = g_strdup (content->seal);
  copy->pdf_seal = g_strdup (content->pdf_seal);
  copy->state_name = g_strdup (content->state_name);
  copy->ministry_name = g_strdup (content->ministry_name);
  copy->committee_name = g_strdup (content->committee_name);
  copy->letterhead = g_strdup (content->letterhead);
  copy->logo = content->logo != NULL ? g_bytes_ref (content->logo) : NULL;
  copy->title = g_strdup (content->title);
  copy->preamble = g_strdup (content->preamble);
  copy->articles = g_strdupv (content->articles);
  copy->signatories = g_ptr_array_new_with_free_func (lajna_ruling_signatory_free);
  for (guint i = 0; i < content->signatories->len; i++)
    {
      const LajnaSignatory *signatory = g_ptr_array_index (content->signatories, i);
      LajnaSignatory *same = g_new0 (LajnaSignatory, 1);

      same->capacity = g_strdup (signatory->capacity);
      same->full_name = g_strdup (signatory->full_name);
      g_ptr_array_add (copy->signatories, same);
    }
  return copy;
}

/**
 * lajna_ruling_content_freeze:
 * @content: a ruling filled in
 *
 * Returns: (transfer full): its text as JSON, for the ruling's record: the
 *   letterhead and its logo, title, preamble, articles, signatories,
 *   whether it gives the Hijri date, and the version of the layout that
 *   prints it
 */
char *
lajna_ruling_content_freeze (const LajnaRulingContent *content)
{
  LajnaJson *json = lajna_json_new ();
  g_autofree char *letterhead = lajna_ruling_content_letterhead (content);

  lajna_json_begin_object (json);
  lajna_json_member (json, "letterhead", letterhead);
  lajna_json_member (json, "title", content->title);
  lajna_json_member (json, "preamble", content->preamble);
  lajna_json_key (json, "articles");
  lajna_json_begin_array (json);
  for (guint i = 0; content->articles[i] != NULL; i++)
    lajna_json_string (json, content->articles[i]);
  lajna_json_end_array (json);
  lajna_json_key (json, "signatories");
  lajna_json_begin_array (json);
  for (guint i = 0; i < content->signatories->len; i++)
    {
      const LajnaSignatory *signatory = g_ptr_array_index (content->signatories, i);

      lajna_json_begin_object (json);
      lajna_json_member (json, "capacity", signatory->capacity);
      lajna_json_member (json, "name", signatory->full_name);
      lajna_json_end_object (json);
    }
  lajna_json_end_array (json);
  lajna_json_key (json, "hijri");
  lajna_json_bool (json, content->hijri);
  lajna_json_key (json, "layout");
  lajna_json_int (json, LAJNA_RULING_LAYOUT);
  if (content->logo != NULL)
    {
      g_autofree char *logo = g_base64_encode (g_bytes_get_data (content->logo, NULL),
                                               g_bytes_get_size (content->logo));

      lajna_json_member (json, "logo", logo);
    }
  lajna_json_end_object (json);
  return lajna_json_free_to_string (json);
}

/**
 * lajna_ruling_content_letterhead:
 * @content: a ruling
 *
 * Returns: (transfer full): the lines on the right of its letterhead: the
 *   committee's own, or the state, the ministry and the committee
 */
char *
lajna_ruling_content_letterhead (const LajnaRulingContent *content)
{
  if (content->letterhead != NULL && *content->letterhead != '\0')
    return g_strdup (content->letterhead);
  return g_strjoin ("\n", content->state_name, content->ministry_name, content->committee_name,
                    NULL);
}
