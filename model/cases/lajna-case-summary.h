#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_CASE_SUMMARY (lajna_case_summary_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCaseSummary, lajna_case_summary, LAJNA, CASE_SUMMARY, GObject)

LajnaCaseSummary *lajna_case_summary_new              (void);
void              lajna_case_summary_set              (LajnaCaseSummary *self,
                                                       gint64            id,
                                                       const char       *file_number,
                                                       const char       *title,
                                                       const char       *kind,
                                                       const char       *status,
                                                       const char       *received_on);
void              lajna_case_summary_copy_from        (LajnaCaseSummary *self,
                                                       LajnaCaseSummary *other);
gboolean          lajna_case_summary_get_loaded       (LajnaCaseSummary *self);
gint64            lajna_case_summary_get_id           (LajnaCaseSummary *self);
const char       *lajna_case_summary_get_file_number  (LajnaCaseSummary *self);
const char       *lajna_case_summary_get_title        (LajnaCaseSummary *self);
const char       *lajna_case_summary_get_kind         (LajnaCaseSummary *self);
const char       *lajna_case_summary_get_status       (LajnaCaseSummary *self);
const char       *lajna_case_summary_get_received_on  (LajnaCaseSummary *self);

G_END_DECLS
