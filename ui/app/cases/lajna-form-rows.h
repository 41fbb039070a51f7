#pragma once

#include <adwaita.h>

#include "lajna-case-record.h"

G_BEGIN_DECLS

/* What the choice rows of a form offer: read from the database before
 * the form is built. */
typedef struct
{
  GPtrArray *countries;   /* (element-type LajnaCountry) */
  GPtrArray *staff;       /* (element-type LajnaStaff) */
} LajnaFormChoices;

typedef struct _LajnaFormRows LajnaFormRows;

LajnaFormRows *lajna_form_rows_new          (const char             *kind,
                                             const LajnaFormChoices *choices,
                                             AdwPreferencesPage     *page);
void           lajna_form_rows_free         (LajnaFormRows          *self);
void           lajna_form_rows_load         (LajnaFormRows          *self,
                                             const LajnaCaseRecord  *record);
void           lajna_form_rows_store        (LajnaFormRows          *self,
                                             LajnaCaseRecord        *record);
void           lajna_form_rows_set_changed  (LajnaFormRows          *self,
                                             GCallback               callback,
                                             gpointer                user_data);
const char    *lajna_form_rows_last_changed (LajnaFormRows          *self);
void           lajna_form_rows_focus_first  (LajnaFormRows          *self);
void           lajna_form_rows_touch_all    (LajnaFormRows          *self);
GtkWidget     *lajna_form_rows_show_issues  (LajnaFormRows          *self,
                                             const LajnaValidation  *validation);
void           lajna_form_rows_add_note     (LajnaFormRows          *self,
                                             const char             *key,
                                             GtkWidget              *note);
void           lajna_form_rows_clear_notes  (LajnaFormRows          *self);
void           lajna_form_rows_add_date_picker (AdwEntryRow         *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaFormRows, lajna_form_rows_free)

G_END_DECLS
