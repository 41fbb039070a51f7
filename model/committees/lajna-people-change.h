#pragma once

#include "lajna-people.h"

G_BEGIN_DECLS

/* A role a person is given or loses on a committee; or, role %NULL,
 * whether they take part in it. */
typedef struct
{
  int       committee_id;
  char     *role;
  gboolean  held;
} LajnaPeopleRoleChange;

/* What an administrator changes of a person, or gives a new one, written
 * all at once. */
typedef struct
{
  gboolean   is_new;
  char      *login;
  char      *full_name;  /* (nullable): %NULL when it stays */
  int        active;     /* -1 when it stays */
  GPtrArray *roles;      /* (element-type LajnaPeopleRoleChange) */
  GPtrArray *standings;  /* (element-type LajnaPeopleRoleChange): role %NULL */
  char      *password;   /* (nullable): %NULL when it stays; wiped when freed */
} LajnaPeopleChange;

LajnaPeopleChange *lajna_people_change_new          (void);
void               lajna_people_change_free         (LajnaPeopleChange    *change);
void               lajna_people_change_write_async  (LajnaDbWorker        *worker,
                                                     LajnaPeopleChange    *change,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean           lajna_people_change_write_finish (LajnaDbWorker        *worker,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaPeopleChange, lajna_people_change_free)

G_END_DECLS
