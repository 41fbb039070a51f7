#pragma once

#include <gtk/gtk.h>

#include "lajna-ruling-content.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_TEMPLATE_PREVIEW (lajna_template_preview_get_type ())

G_DECLARE_FINAL_TYPE (LajnaTemplatePreview, lajna_template_preview, LAJNA, TEMPLATE_PREVIEW, GtkBox)

GtkWidget *lajna_template_preview_new  (void);
void       lajna_template_preview_show (LajnaTemplatePreview     *self,
                                        const LajnaRulingContent *content);

G_END_DECLS
