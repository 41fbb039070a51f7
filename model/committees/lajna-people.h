#pragma once

#include "lajna-db-worker.h"
#include "lajna-validation.h"

G_BEGIN_DECLS

/* The most characters of a name, as the database allows. */
#define LAJNA_PEOPLE_NAME_MAX_CHARS 200

/* A role a person holds on a committee today, and whether they take part
 * in that committee (an administrator of it may turn them off there). */
typedef struct
{
  int       committee_id;
  char     *role;
  gboolean  active;
} LajnaPeopleRole;

/* One person of the committees an administrator administers. */
typedef struct
{
  int        id;
  char      *login;
  char      *full_name;
  gboolean   active;
  /* (element-type LajnaPeopleRole) */
  GPtrArray *roles;
} LajnaPeopleRow;

/* The person connected, as Preferences shows them: their full name, and
 * whether they administer a committee. */
typedef struct
{
  char     *full_name;
  gboolean  administers;
} LajnaPeopleSelf;

void       lajna_people_row_free      (LajnaPeopleRow   *row);
gboolean   lajna_people_row_holds     (const LajnaPeopleRow *row,
                                       int               committee_id,
                                       const char       *role);
gboolean   lajna_people_row_takes_part (const LajnaPeopleRow *row,
                                        int               committee_id);
void       lajna_people_check_text    (LajnaValidation  *validation,
                                       const char       *field,
                                       const char       *text,
                                       guint             max_chars,
                                       gboolean          required);
void       lajna_people_check_password (LajnaValidation *validation,
                                        const char      *password,
                                        const char      *again);
gboolean   lajna_people_check_login   (const char       *login);
gboolean   lajna_people_administers   (LajnaDb          *db,
                                       gboolean         *administers,
                                       GError          **error);
GPtrArray *lajna_people_fetch_all     (LajnaDb          *db,
                                       GError          **error);
gboolean   lajna_people_add           (LajnaDb          *db,
                                       const char       *login,
                                       const char       *full_name,
                                       const char       *role,
                                       int               committee_id,
                                       GError          **error);
gboolean   lajna_people_end_role      (LajnaDb          *db,
                                       const char       *login,
                                       const char       *role,
                                       int               committee_id,
                                       GError          **error);
gboolean   lajna_people_set_active    (LajnaDb          *db,
                                       const char       *login,
                                       gboolean          active,
                                       GError          **error);
gboolean   lajna_people_set_standing  (LajnaDb          *db,
                                       const char       *login,
                                       int               committee_id,
                                       gboolean          active,
                                       GError          **error);

void             lajna_people_self_load_async  (LajnaDbWorker        *worker,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
LajnaPeopleSelf *lajna_people_self_load_finish (LajnaDbWorker        *worker,
                                                GAsyncResult         *result,
                                                GError              **error);
void             lajna_people_self_free        (LajnaPeopleSelf      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaPeopleSelf, lajna_people_self_free)

G_END_DECLS
