#pragma once

#include <cairo.h>
#include <check.h>
#include <glib.h>

#include "lajna-database.h"
#include "lajna-db-private.h"

G_BEGIN_DECLS

char          *lajna_test_make_data_dir   (void);
void           lajna_test_remove_dir      (const char *path);
LajnaDatabase *lajna_test_database_start  (const char *data_dir);
int            lajna_test_run             (Suite      *suite);
char          *lajna_test_fixture_path    (const char *name);
GBytes        *lajna_test_make_pdf        (guint       pages);
GBytes        *lajna_test_make_pdf_first  (guint       pages,
                                           double      width,
                                           double      height);
GBytes        *lajna_test_pdf_of          (const char * const *objects);
GBytes        *lajna_test_make_drawing_forms (gboolean plain_page_after);
cairo_status_t lajna_test_append_bytes    (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);

/* One database for a whole suite: an unchecked fixture starts it in the
 * runner, and each test (in its own process) connects to it. */
void           lajna_test_shared_start    (void);
void           lajna_test_shared_start_with (const char *sql);
void           lajna_test_shared_stop     (void);
LajnaDatabase *lajna_test_shared_database (void);
const char    *lajna_test_shared_data_dir (void);
LajnaDb       *lajna_test_shared_connect  (void);
char          *lajna_test_value           (LajnaDb    *db,
                                           const char *sql);
PGresult      *lajna_test_load_history    (LajnaDb            *db,
                                           const char         *sql,
                                           int                 n_params,
                                           const char * const *params,
                                           GError            **error);
void           lajna_test_shared_require_passwords (void);
void           lajna_test_shared_give_passwords (const char * const *logins,
                                                 guint               n_logins);
char          *lajna_test_shared_conninfo_as (const char *login);
LajnaDb       *lajna_test_shared_sign_in  (const char *login);

/* A NULL-terminated argument list, for lajna_test_run_program(). */
#define ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

int            lajna_test_run_program     (const char         *program,
                                           const char * const *args,
                                           char              **out,
                                           char              **err);
char          *lajna_test_tool_output     (const char         *tool,
                                           const char * const *args,
                                           int                *status);
GBytes        *lajna_test_read_bytes      (const char         *path);
GBytes        *lajna_test_signature_der   (GBytes             *pdf);
char          *lajna_test_make_p12        (const char         *dir,
                                           const char         *password);
char          *lajna_test_flat_text       (const char         *text);
gboolean       lajna_test_has_digits      (const char         *text,
                                           gunichar            zero);
void           lajna_test_assert_fonts_embedded (const char   *pdf);

G_END_DECLS
