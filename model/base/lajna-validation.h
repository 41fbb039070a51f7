#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaIssueLevel:
 * @LAJNA_ISSUE_ERROR: the value cannot be saved
 * @LAJNA_ISSUE_WARNING: the value can be saved, but a person should look
 *
 * How serious a validation finding is.
 */
typedef enum
{
  LAJNA_ISSUE_ERROR,
  LAJNA_ISSUE_WARNING,
} LajnaIssueLevel;

/* One finding about one field; field is a stable key (national_number…)
 * that a form uses to place the message, message is translated. */
typedef struct
{
  char            *field;
  LajnaIssueLevel  level;
  char            *message;
} LajnaIssue;

typedef struct _LajnaValidation LajnaValidation;

LajnaValidation  *lajna_validation_new             (void);
void              lajna_validation_free            (LajnaValidation *self);
void              lajna_validation_add             (LajnaValidation *self,
                                                    const char      *field,
                                                    LajnaIssueLevel  level,
                                                    const char      *format,
                                                    ...) G_GNUC_PRINTF (4, 5);
gboolean          lajna_validation_has_errors      (const LajnaValidation *self);
guint             lajna_validation_get_n_issues    (const LajnaValidation *self);
const LajnaIssue *lajna_validation_get_issue       (const LajnaValidation *self,
                                                    guint                  i);
const LajnaIssue *lajna_validation_find            (const LajnaValidation *self,
                                                    const char            *field);

char *lajna_clean_text             (const char      *input);
char *lajna_clean_number           (const char      *input);
char *lajna_clean_code             (const char      *input);
void  lajna_check_arabic_name      (LajnaValidation *self,
                                    const char      *field,
                                    const char      *name,
                                    const char      *father,
                                    const char      *grandfather,
                                    const char      *family);
void  lajna_check_national_number  (LajnaValidation *self,
                                    const char      *field,
                                    const char      *number,
                                    char             sex,
                                    const GDate     *birth);
void  lajna_check_passport         (LajnaValidation *self,
                                    const char      *field,
                                    const char      *number,
                                    const GDate     *expiry,
                                    const GDate     *today);
void  lajna_check_birth_date       (LajnaValidation *self,
                                    const char      *field,
                                    const GDate     *birth,
                                    const GDate     *today);
void  lajna_check_juvenile_age     (LajnaValidation *self,
                                    const char      *field,
                                    const GDate     *birth,
                                    const GDate     *admission);
void  lajna_check_nationality      (LajnaValidation    *self,
                                    const char         *field,
                                    const char         *code,
                                    const char * const *known_codes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaValidation, lajna_validation_free)

G_END_DECLS
