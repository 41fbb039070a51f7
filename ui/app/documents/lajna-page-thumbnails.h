#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LAJNA_TYPE_PAGE_THUMBNAILS (lajna_page_thumbnails_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPageThumbnails, lajna_page_thumbnails, LAJNA, PAGE_THUMBNAILS,
                      GtkWidget)

GtkWidget *lajna_page_thumbnails_new               (void);
void       lajna_page_thumbnails_set_previews      (LajnaPageThumbnails *self,
                                                    GPtrArray           *previews);
guint      lajna_page_thumbnails_get_quarter_turns (LajnaPageThumbnails *self);
void       lajna_page_thumbnails_set_quarter_turns (LajnaPageThumbnails *self,
                                                    guint                quarter_turns);
guint      lajna_page_thumbnails_get_page          (LajnaPageThumbnails *self);
void       lajna_page_thumbnails_select            (LajnaPageThumbnails *self,
                                                    guint                page);

G_END_DECLS
