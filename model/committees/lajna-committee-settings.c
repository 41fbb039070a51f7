/* lajna-committee-settings.c: a committee's name, place, letterhead,
 * quorum and dates, as its administrator changes them, and new
 * committees. Written only through the database's own functions
 * (model/db/sql/0030-administration.sql), which refuse anyone but an
 * administrator and record each change in the audit trail. */

#include "lajna-committee-settings.h"

#include <string.h>

#include "lajna-db-private.h"
#include "lajna-people.h"

/* As the database allows (lajna_committee_edit()). */
#define MAX_LETTERHEAD_CHARS 2000

void
lajna_committee_settings_free (LajnaCommitteeSettings *settings)
{
  g_free (settings->kind);
  g_free (settings->code);
  g_free (settings->name_ar);
  g_free (settings->name_en);
  g_free (settings->branch);
  g_free (settings->city);
  g_free (settings->letterhead);
  g_free (settings);
}

/**
 * lajna_committee_settings_copy:
 * @settings: a committee's settings
 *
 * Returns: (transfer full): a copy of @settings
 */
LajnaCommitteeSettings *
lajna_committee_settings_copy (const LajnaCommitteeSettings *settings)
{
  LajnaCommitteeSettings *copy = g_memdup2 (settings, sizeof *settings);

  copy->kind = g_strdup (settings->kind);
  copy->code = g_strdup (settings->code);
  copy->name_ar = g_strdup (settings->name_ar);
  copy->name_en = g_strdup (settings->name_en);
  copy->branch = g_strdup (settings->branch);
  copy->city = g_strdup (settings->city);
  copy->letterhead = g_strdup (settings->letterhead);
  return copy;
}

/**
 * lajna_committee_settings_parse_quorum:
 * @text: a quorum as typed: a number of members, or nothing for a majority
 * @quorum: (out): the number, 0 for a majority
 *
 * Returns: whether @text is a quorum (a number from 1, or empty)
 */
gboolean
lajna_committee_settings_parse_quorum (const char *text,
                                       int        *quorum)
{
  guint64 value = 0;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      *quorum = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (trimmed, 10, 1, 999, &value, NULL))
    return FALSE;
  *quorum = (int) value;
  return TRUE;
}

/**
 * lajna_committee_settings_validate:
 * @settings: a committee's settings, as typed
 * @validation: where findings go, by the fields name_ar, name_en,
 *   branch, city, letterhead
 */
void
lajna_committee_settings_validate (const LajnaCommitteeSettings *settings,
                                   LajnaValidation              *validation)
{
  const struct
  {
    const char *field;
    const char *text;
    gboolean    required;
  } names[] = {
    { "name_ar", settings->name_ar, TRUE }, { "name_en", settings->name_en, TRUE },
    { "branch", settings->branch, FALSE }, { "city", settings->city, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    lajna_people_check_text (validation, names[i].field, names[i].text,
                             LAJNA_PEOPLE_NAME_MAX_CHARS, names[i].required);
  lajna_people_check_text (validation, "letterhead", settings->letterhead, MAX_LETTERHEAD_CHARS,
                           FALSE);
}

/**
 * lajna_committee_settings_fetch_all:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaCommitteeSettings) (nullable):
 *   the committees the person connected administers (every one, for the
 *   server's own account), marriage committees first
 */
GPtrArray *
lajna_committee_settings_fetch_all (LajnaDb  *db,
                                    GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT id, kind, code, name_ar, name_en, branch, city, letterhead,"
      "       coalesce(quorum, 0), hijri_dates"
      "  FROM committee WHERE lajna_administers(id)"
      " ORDER BY kind = 'juvenile', name_ar, id", error);
  GPtrArray *committees;

  if (result == NULL)
    return NULL;
  committees = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_committee_settings_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaCommitteeSettings *settings = g_new0 (LajnaCommitteeSettings, 1);

      settings->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      settings->kind = g_strdup (PQgetvalue (result, i, 1));
      settings->code = g_strdup (PQgetvalue (result, i, 2));
      settings->name_ar = g_strdup (PQgetvalue (result, i, 3));
      settings->name_en = g_strdup (PQgetvalue (result, i, 4));
      settings->branch = g_strdup (PQgetvalue (result, i, 5));
      settings->city = g_strdup (PQgetvalue (result, i, 6));
      settings->letterhead = g_strdup (PQgetvalue (result, i, 7));
      settings->quorum = (int) g_ascii_strtoll (PQgetvalue (result, i, 8), NULL, 10);
      settings->hijri_dates = strcmp (PQgetvalue (result, i, 9), "t") == 0;
      g_ptr_array_add (committees, settings);
    }
  return committees;
}

static gpointer
fetch_all_job (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return lajna_committee_settings_fetch_all (db, error);
}

/**
 * lajna_committee_settings_fetch_all_async:
 * @worker: the database worker
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context once read
 * @user_data: for @callback
 *
 * Reads the committees the person connected administers
 * (lajna_committee_settings_fetch_all()) on the worker.
 */
void
lajna_committee_settings_fetch_all_async (LajnaDbWorker        *worker,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  lajna_db_worker_run_async (worker, fetch_all_job, NULL, NULL,
                             (GDestroyNotify) g_ptr_array_unref, cancellable, callback,
                             user_data);
}

/**
 * lajna_committee_settings_fetch_all_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaCommitteeSettings) (nullable):
 *   the committees
 */
GPtrArray *
lajna_committee_settings_fetch_all_finish (LajnaDbWorker  *worker,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

/**
 * lajna_committee_settings_save:
 * @db: a connection as an administrator of the committee
 * @settings: the committee's new settings; its kind and code stay
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_committee_settings_save (LajnaDb                      *db,
                               const LajnaCommitteeSettings *settings,
                               GError                      **error)
{
  g_autofree char *id = g_strdup_printf ("%d", settings->id);
  g_autofree char *quorum = settings->quorum > 0 ? g_strdup_printf ("%d", settings->quorum)
                                                 : NULL;
  const char *params[] = { id, settings->name_ar, settings->name_en, settings->branch,
                           settings->city, settings->letterhead, quorum,
                           settings->hijri_dates ? "true" : "false" };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_committee_edit($1::integer, $2, $3, $4, $5, $6, $7::integer, $8::boolean)",
      G_N_ELEMENTS (params), params, error);

  return result != NULL;
}

/**
 * lajna_committee_settings_add:
 * @db: a connection as an administrator
 * @settings: the new committee's kind, code, names and city
 * @file_prefix: the prefix of its file numbers, such as ز
 * @error: return location for a #GError
 *
 * Adds a committee; an administrator becomes its administrator too.
 *
 * Returns: its id, or 0 on failure
 */
int
lajna_committee_settings_add (LajnaDb                      *db,
                              const LajnaCommitteeSettings *settings,
                              const char                   *file_prefix,
                              GError                      **error)
{
  const char *params[] = { settings->kind, settings->code, settings->name_ar, settings->name_en,
                           settings->city, file_prefix };
  g_autoptr(PGresult) result = lajna_db_exec_params (db,
      "SELECT lajna_committee_add($1, $2, $3, $4, $5, $6)", G_N_ELEMENTS (params), params,
      error);

  return result != NULL ? (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
}

/* A committee's settings to write, and a new committee's prefix. */
typedef struct
{
  LajnaCommitteeSettings *settings;
  char                   *file_prefix;
} Write;

static void
write_free (Write *write)
{
  lajna_committee_settings_free (write->settings);
  g_free (write->file_prefix);
  g_free (write);
}

/* A new committee is added, then set up, in the one transaction. */
static gpointer
write_job (LajnaDb       *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Write *write = data;

  if (write->settings->id == 0)
    write->settings->id = lajna_committee_settings_add (db, write->settings,
                                                        write->file_prefix, error);
  return write->settings->id != 0 && lajna_committee_settings_save (db, write->settings, error)
           ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * lajna_committee_settings_write_async:
 * @worker: the database worker
 * @settings: the committee's new settings; its id 0 for a new committee,
 *   which is added first (lajna_committee_settings_add())
 * @file_prefix: (nullable): a new committee's prefix of its file numbers
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once written
 * @user_data: for @callback
 *
 * Adds the committee if it is new, then saves its settings
 * (lajna_committee_settings_save()), in one transaction, on the worker.
 */
void
lajna_committee_settings_write_async (LajnaDbWorker                *worker,
                                      const LajnaCommitteeSettings *settings,
                                      const char                   *file_prefix,
                                      GCancellable                 *cancellable,
                                      GAsyncReadyCallback           callback,
                                      gpointer                      user_data)
{
  Write *write = g_new0 (Write, 1);

  write->settings = lajna_committee_settings_copy (settings);
  write->file_prefix = g_strdup (file_prefix);
  lajna_db_worker_run_in_transaction_async (worker, write_job, write,
                                            (GDestroyNotify) write_free, NULL, cancellable,
                                            callback, user_data);
}

/**
 * lajna_committee_settings_write_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: whether the committee was written
 */
gboolean
lajna_committee_settings_write_finish (LajnaDbWorker  *worker,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return lajna_db_worker_run_in_transaction_finish (worker, result, error) != NULL;
}
