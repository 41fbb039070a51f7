/* lajna-ruling-template.c: the ruling templates an administrator edits:
 * a committee's own for an outcome, or else the one every committee
 * shares; saved as the committee's own or as the shared one. The database
 * refuses a template naming an unknown placeholder (lajna:placeholder);
 * the editor names them first, as they are typed. A sample ruling (the
 * committee's letterhead, each placeholder standing as «what it holds»)
 * is what the editor's preview prints. */

#include "lajna-ruling-template.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-text.h"

void
lajna_ruling_template_free (LajnaRulingTemplate *template)
{
  if (template == NULL)
    return;
  g_free (template->title);
  g_free (template->preamble);
  g_strfreev (template->articles);
  g_free (template);
}

/**
 * lajna_ruling_template_load:
 * @db: a connection
 * @committee_id: the committee
 * @outcome: the outcome's code
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the committee's template for
 *   @outcome, its own or the shared one
 */
LajnaRulingTemplate *
lajna_ruling_template_load (LajnaDb     *db,
                            int          committee_id,
                            const char  *outcome,
                            GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%d", committee_id);
  const char *params[] = { id, outcome };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT title, preamble, array_to_string(articles, E'\\x1e'), committee_id IS NOT NULL"
      "  FROM ruling_template WHERE outcome = $2 AND (committee_id = $1 OR committee_id IS NULL)"
      " ORDER BY committee_id NULLS LAST LIMIT 1", 2, params, error);
  LajnaRulingTemplate *template;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("There is no template for this outcome."));
      return NULL;
    }
  template = g_new0 (LajnaRulingTemplate, 1);
  template->title = g_strdup (PQgetvalue (result, 0, 0));
  template->preamble = g_strdup (PQgetvalue (result, 0, 1));
  template->articles = g_strsplit (PQgetvalue (result, 0, 2), "\x1e", -1);
  template->own = PQgetvalue (result, 0, 3)[0] == 't';
  return template;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* @text with bidi controls taken out and white space trimmed. */
static char *
dup_clean (const char *text)
{
  char *clean = lajna_strip_bidi (text);

  return g_strstrip (clean);
}

/**
 * lajna_ruling_template_save:
 * @db: a connection, as an administrator
 * @committee_id: the committee whose own template it becomes, or 0 for
 *   the one every committee shares
 * @outcome: the outcome's code
 * @template: the words; empty articles are left out
 * @error: return location for a #GError
 *
 * Returns: whether it was saved (the database refuses unknown
 *   placeholders, and anyone but an administrator)
 */
gboolean
lajna_ruling_template_save (LajnaDb                   *db,
                            int                        committee_id,
                            const char                *outcome,
                            const LajnaRulingTemplate *template,
                            GError                   **error)
{
  g_autofree char *id = committee_id > 0 ? g_strdup_printf ("%d", committee_id) : NULL;
  g_autofree char *title = dup_clean (template->title);
  g_autofree char *preamble = dup_clean (template->preamble);
  g_autoptr(GString) articles = g_string_new (NULL);
  g_autoptr(PGresult) result = NULL;

  guint n = 0;

  for (guint i = 0; template->articles[i] != NULL; i++)
    {
      g_autofree char *article = dup_clean (template->articles[i]);

      if (*article == '\0')
        continue;
      if (articles->len > 0)
        g_string_append_c (articles, '\x1e');
      g_string_append (articles, article);
      n++;
    }
  if (*title == '\0' || *preamble == '\0' || n == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   _("A template needs a title, a preamble and at least one article."));
      return FALSE;
    }
  if (n > LAJNA_RULING_MAX_ARTICLES)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   _("A ruling has at most %d articles."), LAJNA_RULING_MAX_ARTICLES);
      return FALSE;
    }
  result = lajna_db_exec_params (db,
      "INSERT INTO ruling_template (committee_id, outcome, title, preamble, articles)"
      " VALUES ($1, $2, $3, $4, string_to_array($5, E'\\x1e'))"
      " ON CONFLICT (committee_id, outcome) DO UPDATE"
      "   SET title = excluded.title, preamble = excluded.preamble, articles = excluded.articles",
      5, (const char *[]) { id, outcome, title, preamble, articles->str }, error);
  return result != NULL;
}

/**
 * lajna_ruling_template_editable:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: whether the person connected may change templates
 */
gboolean
lajna_ruling_template_editable (LajnaDb  *db,
                                GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT has_table_privilege('ruling_template', 'UPDATE')", error);

  return result != NULL && PQgetvalue (result, 0, 0)[0] == 't';
}

static void
placeholder_free (LajnaPlaceholder *placeholder)
{
  g_free (placeholder->name);
  g_free (placeholder->description);
  g_free (placeholder);
}

/**
 * lajna_ruling_placeholders:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaPlaceholder) (nullable):
 *   every placeholder a template may name, in the order they are listed
 */
GPtrArray *
lajna_ruling_placeholders (LajnaDb  *db,
                           GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT name, description FROM ruling_placeholder ORDER BY name", error);
  GPtrArray *placeholders;

  if (result == NULL)
    return NULL;
  placeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) placeholder_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaPlaceholder *placeholder = g_new0 (LajnaPlaceholder, 1);

      placeholder->name = g_strdup (PQgetvalue (result, i, 0));
      placeholder->description = g_strdup (PQgetvalue (result, i, 1));
      g_ptr_array_add (placeholders, placeholder);
    }
  return placeholders;
}

static gboolean
is_known (const char *name,
          GPtrArray  *placeholders)
{
  for (guint i = 0; i < placeholders->len; i++)
    if (strcmp (((LajnaPlaceholder *) g_ptr_array_index (placeholders, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
add_unknown (const char   *text,
             GPtrArray    *placeholders,
             GStrvBuilder *unknown,
             GHashTable   *seen)
{
  for (const char *open = strchr (text, '{'); open != NULL; open = strchr (open + 1, '{'))
    {
      const char *close = strchr (open, '}');
      g_autofree char *name = NULL;

      if (close == NULL)
        return;
      name = g_strndup (open + 1, close - open - 1);
      if (strchr (name, '{') == NULL && !is_known (name, placeholders)
          && g_hash_table_add (seen, g_strdup (name)))
        g_strv_builder_add (unknown, name);
    }
}

/**
 * lajna_ruling_template_unknown:
 * @template: a template
 * @placeholders: (element-type LajnaPlaceholder): the names known
 *
 * Returns: (transfer full): the names between braces that are not
 *   placeholders, each once; empty when there is none
 */
GStrv
lajna_ruling_template_unknown (const LajnaRulingTemplate *template,
                               GPtrArray                 *placeholders)
{
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_unknown (template->title, placeholders, unknown, seen);
  add_unknown (template->preamble, placeholders, unknown, seen);
  for (guint i = 0; template->articles[i] != NULL; i++)
    add_unknown (template->articles[i], placeholders, unknown, seen);
  return g_strv_builder_end (unknown);
}

/**
 * lajna_ruling_sample:
 * @db: a connection
 * @committee_id: the committee
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a ruling of the committee, its
 *   letterhead and chair, numbered 1 of this year and dated today, to
 *   fill with lajna_ruling_sample_fill()
 */
LajnaRulingContent *
lajna_ruling_sample (LajnaDb  *db,
                     int       committee_id,
                     GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%d", committee_id);
  const char *params[] = { id };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT state_name, ministry_name, name_ar, letterhead, hijri_dates,"
      "       current_date::text, extract(year FROM current_date)::int"
      "  FROM committee WHERE id = $1", 1, params, error);
  LajnaRulingContent *sample;
  LajnaSignatory *chair;

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_NOT_FOUND,
                   _("The committee cannot be found."));
      return NULL;
    }
  sample = g_new0 (LajnaRulingContent, 1);
  sample->state_name = g_strdup (PQgetvalue (result, 0, 0));
  sample->ministry_name = g_strdup (PQgetvalue (result, 0, 1));
  sample->committee_name = g_strdup (PQgetvalue (result, 0, 2));
  sample->letterhead = g_strdup (PQgetvalue (result, 0, 3));
  sample->hijri = PQgetvalue (result, 0, 4)[0] == 't';
  sample->issued_on = g_strdup (PQgetvalue (result, 0, 5));
  sample->year = (int) g_ascii_strtoll (PQgetvalue (result, 0, 6), NULL, 10);
  sample->number = 1;
  sample->version = 1;
  sample->signatories = g_ptr_array_new_with_free_func (lajna_ruling_signatory_free);
  chair = g_new0 (LajnaSignatory, 1);
  chair->capacity = g_strdup ("رئيس اللجنة");
  chair->full_name = g_strdup ("«الاسم»");
  g_ptr_array_add (sample->signatories, chair);
  sample->title = g_strdup ("");
  sample->preamble = g_strdup ("");
  sample->articles = g_new0 (char *, 1);
  return sample;
}

/**
 * lajna_ruling_sample_fill:
 * @sample: a ruling of lajna_ruling_sample()
 * @template: the words to print
 * @placeholders: (element-type LajnaPlaceholder): the names known
 *
 * Gives @sample the words of @template, each known placeholder standing
 * as «what it holds»; an unknown one stays as written, braces and all.
 */
void
lajna_ruling_sample_fill (LajnaRulingContent        *sample,
                          const LajnaRulingTemplate *template,
                          GPtrArray                 *placeholders)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n = g_strv_length (template->articles);

  for (guint i = 0; i < placeholders->len; i++)
    {
      const LajnaPlaceholder *placeholder = g_ptr_array_index (placeholders, i);

      g_hash_table_insert (values, placeholder->name,
                           g_strdup_printf ("«%s»", placeholder->description));
    }
  g_free (sample->title);
  g_free (sample->preamble);
  g_strfreev (sample->articles);
  sample->title = lajna_ruling_fill (template->title, values);
  sample->preamble = lajna_ruling_fill (template->preamble, values);
  sample->articles = g_new0 (char *, n + 1);
  for (guint i = 0, k = 0; i < n && k < LAJNA_RULING_MAX_ARTICLES; i++)
    if (!is_blank (template->articles[i]))
      sample->articles[k++] = lajna_ruling_fill (template->articles[i], values);
}

/* A template to read or to save: the committee's (0 for the shared one)
 * for an outcome. */
typedef struct
{
  int                  committee_id;
  char                *outcome;
  LajnaRulingTemplate *template;
} Job;

static Job *
job_new (int                  committee_id,
         const char          *outcome,
         LajnaRulingTemplate *template)
{
  Job *job = g_new0 (Job, 1);

  job->committee_id = committee_id;
  job->outcome = g_strdup (outcome);
  job->template = template;
  return job;
}

static void
job_free (Job *job)
{
  g_free (job->outcome);
  g_clear_pointer (&job->template, lajna_ruling_template_free);
  g_free (job);
}

static gpointer
load_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;

  return lajna_ruling_template_load (db, job->committee_id, job->outcome, error);
}

/**
 * lajna_ruling_template_load_async:
 * @worker: the database worker
 * @committee_id: the committee
 * @outcome: the outcome whose template is read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once read
 * @user_data: for @callback
 *
 * Reads the template the committee uses for @outcome
 * (lajna_ruling_template_load()) on the worker.
 */
void
lajna_ruling_template_load_async (LajnaDbWorker        *worker,
                                  int                   committee_id,
                                  const char           *outcome,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  lajna_db_worker_run_async (worker, load_job, job_new (committee_id, outcome, NULL),
                             (GDestroyNotify) job_free,
                             (GDestroyNotify) lajna_ruling_template_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_ruling_template_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the template
 */
LajnaRulingTemplate *
lajna_ruling_template_load_finish (LajnaDbWorker  *worker,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

static gpointer
save_job (LajnaDb       *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Job *job = data;

  return lajna_ruling_template_save (db, job->committee_id, job->outcome, job->template, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_ruling_template_save_async:
 * @worker: the database worker
 * @committee_id: the committee whose own template it is, or 0 for the
 *   shared one
 * @outcome: the outcome it is for
 * @template: (transfer full): its words
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once saved
 * @user_data: for @callback
 *
 * Saves the template (lajna_ruling_template_save()) on the worker.
 */
void
lajna_ruling_template_save_async (LajnaDbWorker        *worker,
                                  int                   committee_id,
                                  const char           *outcome,
                                  LajnaRulingTemplate  *template,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  lajna_db_worker_run_async (worker, save_job, job_new (committee_id, outcome, template),
                             (GDestroyNotify) job_free, NULL, cancellable, callback, user_data);
}

/**
 * lajna_ruling_template_save_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the template was saved
 */
gboolean
lajna_ruling_template_save_finish (LajnaDbWorker  *worker,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error) != NULL;
}
