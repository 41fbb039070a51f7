/* lajna-people.c: the people of the committees, as their administrator
 * manages them, and each person's own full name. Every write goes through
 * a database function (model/db/sql/0030-administration.sql) that checks
 * who acts and records the change in the audit trail; people are added
 * by lajna_user_add(), as `lajnactl user add` adds them. */

#include "lajna-people.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-db-private.h"
#include "lajna-db-rules.h"
#include "lajna-text.h"
#include "lajna-users.h"

static void
role_free (LajnaPeopleRole *role)
{
  g_free (role->role);
  g_free (role);
}

void
lajna_people_row_free (LajnaPeopleRow *row)
{
  g_free (row->login);
  g_free (row->full_name);
  g_clear_pointer (&row->roles, g_ptr_array_unref);
  g_free (row);
}

/**
 * lajna_people_row_holds:
 * @row: a person
 * @committee_id: a committee
 * @role: a role, such as "clerk"
 *
 * Returns: whether @row holds @role on @committee_id today
 */
gboolean
lajna_people_row_holds (const LajnaPeopleRow *row,
                        int                   committee_id,
                        const char           *role)
{
  for (guint i = 0; i < row->roles->len; i++)
    {
      const LajnaPeopleRole *held = g_ptr_array_index (row->roles, i);

      if (held->committee_id == committee_id && strcmp (held->role, role) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * lajna_people_row_takes_part:
 * @row: a person
 * @committee_id: a committee
 *
 * Returns: whether @row takes part in @committee_id: %FALSE when an
 *   administrator of it turned them off there
 */
gboolean
lajna_people_row_takes_part (const LajnaPeopleRow *row,
                             int                   committee_id)
{
  for (guint i = 0; i < row->roles->len; i++)
    {
      const LajnaPeopleRole *held = g_ptr_array_index (row->roles, i);

      if (held->committee_id == committee_id && !held->active)
        return FALSE;
    }
  return TRUE;
}

/**
 * lajna_people_check_text:
 * @validation: where findings go
 * @field: the field's key
 * @text: a name or a line as typed, trimmed
 * @max_chars: the most characters it may have
 * @required: whether it may be empty
 *
 * Finds what the database would refuse in a name: nothing given, bidi
 * controls (which can make a name display as another), too long.
 */
void
lajna_people_check_text (LajnaValidation *validation,
                         const char      *field,
                         const char      *text,
                         guint            max_chars,
                         gboolean         required)
{
  g_autofree char *plain = lajna_strip_bidi (text);

  if (required && *text == '\0')
    lajna_validation_add (validation, field, LAJNA_ISSUE_ERROR, "%s",
                          lajna_db_rule_message ("lajna:name_required"));
  else if (plain == NULL || strcmp (plain, text) != 0)
    lajna_validation_add (validation, field, LAJNA_ISSUE_ERROR, "%s",
                          lajna_db_rule_message ("lajna:bidi_control"));
  else if ((guint) g_utf8_strlen (text, -1) > max_chars)
    lajna_validation_add (validation, field, LAJNA_ISSUE_ERROR,
                          ngettext ("At most %u character.", "At most %u characters.", max_chars),
                          max_chars);
}

/**
 * lajna_people_check_password:
 * @validation: where findings go
 * @password: a new password as typed, or "" for none
 * @again: the same typed again
 *
 * Finds what keeps a password from being given: too short, or typed
 * differently the second time. Nothing typed in either is no password
 * to give, and no finding.
 */
void
lajna_people_check_password (LajnaValidation *validation,
                             const char      *password,
                             const char      *again)
{
  g_autoptr(GError) error = NULL;

  if (*password == '\0' && *again == '\0')
    return;
  if (!lajna_users_check_password (password, &error))
    lajna_validation_add (validation, "password", LAJNA_ISSUE_ERROR, "%s", error->message);
  else if (strcmp (password, again) != 0)
    lajna_validation_add (validation, "password_again", LAJNA_ISSUE_ERROR, "%s",
                          _("The password typed again is not the same. Type both again."));
}

/**
 * lajna_people_check_login:
 * @login: a login as typed
 *
 * Returns: whether @login is a login the database takes: lower-case
 *   Latin letters, digits, _ and ., starting with a letter
 */
gboolean
lajna_people_check_login (const char *login)
{
  return g_regex_match_simple ("^[a-z][a-z0-9_.]{1,62}$", login, 0, 0)
         && !g_str_has_prefix (login, "lajna_") && !g_str_has_prefix (login, "pg_");
}

/**
 * lajna_people_administers:
 * @db: a connection
 * @administers: (out): whether the person connected administers a
 *   committee (the server's own account administers them all)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_people_administers (LajnaDb   *db,
                          gboolean  *administers,
                          GError   **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db, "SELECT lajna_administers_any()", error);

  if (result == NULL)
    return FALSE;
  *administers = strcmp (PQgetvalue (result, 0, 0), "t") == 0;
  return TRUE;
}

void
lajna_people_self_free (LajnaPeopleSelf *self)
{
  g_free (self->full_name);
  g_free (self);
}

static gpointer
self_load_job (LajnaDb       *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(LajnaPeopleSelf) self = g_new0 (LajnaPeopleSelf, 1);

  if ((self->full_name = lajna_users_dup_full_name (db, NULL, error)) == NULL
      || !lajna_people_administers (db, &self->administers, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * lajna_people_self_load_async:
 * @worker: the database worker
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context once read
 * @user_data: for @callback
 *
 * Reads the full name of the person connected
 * (lajna_users_dup_full_name()) and whether they administer a committee
 * (lajna_people_administers()) on the worker.
 */
void
lajna_people_self_load_async (LajnaDbWorker        *worker,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  lajna_db_worker_run_async (worker, self_load_job, NULL, NULL,
                             (GDestroyNotify) lajna_people_self_free, cancellable, callback,
                             user_data);
}

/**
 * lajna_people_self_load_finish:
 * @worker: the database worker
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person connected
 */
LajnaPeopleSelf *
lajna_people_self_load_finish (LajnaDbWorker  *worker,
                               GAsyncResult   *result,
                               GError        **error)
{
  return lajna_db_worker_run_finish (worker, result, error);
}

static GPtrArray *
parse_roles (const char *text)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func ((GDestroyNotify) role_free);
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  /* "committee:role:active" */
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 3);
      LajnaPeopleRole *role;

      if (g_strv_length (parts) != 3)
        continue;
      role = g_new0 (LajnaPeopleRole, 1);
      role->committee_id = (int) g_ascii_strtoll (parts[0], NULL, 10);
      role->role = g_strdup (parts[1]);
      role->active = strcmp (parts[2], "t") == 0;
      g_ptr_array_add (roles, role);
    }
  return roles;
}

/**
 * lajna_people_fetch_all:
 * @db: a connection
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LajnaPeopleRow) (nullable): the
 *   people who hold or held a role on a committee the person connected
 *   administers (everyone, for the server's own account), by name, each
 *   with the roles they hold today and whether they take part in each
 *   committee
 */
GPtrArray *
lajna_people_fetch_all (LajnaDb  *db,
                        GError  **error)
{
  g_autoptr(PGresult) result = lajna_db_exec (db,
      "SELECT u.id, u.login, u.full_name, u.active,"
      "       coalesce(string_agg(r.committee_id || ':' || r.role || ':'"
      "                              || CASE WHEN r.active THEN 't' ELSE 'f' END, ','"
      "                           ORDER BY r.committee_id, r.role), '')"
      "  FROM app_user u"
      "  LEFT JOIN committee_role r ON r.user_id = u.id AND r.since <= current_date"
      "        AND (r.until IS NULL OR r.until >= current_date)"
      " WHERE lajna_acting_superuser()"
      "    OR EXISTS (SELECT FROM committee_role m WHERE m.user_id = u.id"
      "                AND m.committee_id = ANY (lajna_my_committees(ARRAY['admin'])))"
      " GROUP BY u.id ORDER BY u.full_name, u.id", error);
  GPtrArray *people;

  if (result == NULL)
    return NULL;
  people = g_ptr_array_new_with_free_func ((GDestroyNotify) lajna_people_row_free);
  for (int i = 0; i < PQntuples (result); i++)
    {
      LajnaPeopleRow *row = g_new0 (LajnaPeopleRow, 1);

      row->id = (int) g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);
      row->login = g_strdup (PQgetvalue (result, i, 1));
      row->full_name = g_strdup (PQgetvalue (result, i, 2));
      row->active = strcmp (PQgetvalue (result, i, 3), "t") == 0;
      row->roles = parse_roles (PQgetvalue (result, i, 4));
      g_ptr_array_add (people, row);
    }
  return people;
}

/**
 * lajna_people_add:
 * @db: a connection as an administrator of @committee_id
 * @login: the person's login
 * @full_name: their full name; ignored when @login is a person already
 * @role: the role to give them
 * @committee_id: on which committee
 * @error: return location for a #GError
 *
 * Adds a person with a role, or a role to a person.
 *
 * Returns: whether the person holds the role now
 */
gboolean
lajna_people_add (LajnaDb     *db,
                  const char  *login,
                  const char  *full_name,
                  const char  *role,
                  int          committee_id,
                  GError     **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { login, full_name, role, committee };

  return lajna_db_run_params (db, "SELECT lajna_person_add($1, $2, $3, $4::integer)",
                              G_N_ELEMENTS (params), params, error);
}

/**
 * lajna_people_end_role:
 * @db: a connection as an administrator of @committee_id
 * @login: a person's login
 * @role: a role they hold
 * @committee_id: on which committee
 * @error: return location for a #GError
 *
 * Returns: whether the role is ended (or was not held)
 */
gboolean
lajna_people_end_role (LajnaDb     *db,
                       const char  *login,
                       const char  *role,
                       int          committee_id,
                       GError     **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { login, role, committee };

  return lajna_db_run_params (db, "SELECT lajna_person_end_role($1, $2, $3::integer)",
                              G_N_ELEMENTS (params), params, error);
}

/**
 * lajna_people_set_active:
 * @db: a connection as an administrator of every committee of @login
 * @login: a person's login
 * @active: whether their account is on, or they take part in no committee
 * @error: return location for a #GError; %LAJNA_DB_ERROR_DENIED when the
 *   person connected does not administer every committee of @login
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_people_set_active (LajnaDb     *db,
                         const char  *login,
                         gboolean     active,
                         GError     **error)
{
  const char *params[] = { login, active ? "true" : "false" };

  return lajna_db_run_params (db, "SELECT lajna_person_set_active($1, $2::boolean)",
                              G_N_ELEMENTS (params), params, error);
}

/**
 * lajna_people_set_standing:
 * @db: a connection as an administrator of @committee_id
 * @login: a person who holds or held a role on it
 * @committee_id: the committee
 * @active: whether they take part in it (their roles there count)
 * @error: return location for a #GError
 *
 * Turns @login on or off in one committee, leaving the others as their
 * own administrators keep them.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_people_set_standing (LajnaDb     *db,
                           const char  *login,
                           int          committee_id,
                           gboolean     active,
                           GError     **error)
{
  g_autofree char *committee = g_strdup_printf ("%d", committee_id);
  const char *params[] = { login, committee, active ? "true" : "false" };

  return lajna_db_run_params (db,
                              "SELECT lajna_person_set_standing($1, $2::integer, $3::boolean)",
                              G_N_ELEMENTS (params), params, error);
}
