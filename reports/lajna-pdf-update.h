#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LajnaPdfUpdate LajnaPdfUpdate;

LajnaPdfUpdate *lajna_pdf_update_new            (GBytes          *pdf,
                                                 GError         **error);
gint64          lajna_pdf_update_get_root       (LajnaPdfUpdate  *self);
gint64          lajna_pdf_update_get_first_page (LajnaPdfUpdate  *self);
char           *lajna_pdf_update_dup_dictionary (LajnaPdfUpdate  *self,
                                                 gint64           number);
gint64          lajna_pdf_update_add_number     (LajnaPdfUpdate  *self);
void            lajna_pdf_update_put            (LajnaPdfUpdate  *self,
                                                 gint64           number,
                                                 const char      *body);
void            lajna_pdf_update_put_stream     (LajnaPdfUpdate  *self,
                                                 gint64           number,
                                                 const char      *entries,
                                                 const guint8    *data,
                                                 gsize            length);
void            lajna_pdf_update_set_info       (LajnaPdfUpdate  *self,
                                                 gint64           number);
GString        *lajna_pdf_update_finish         (LajnaPdfUpdate  *self,
                                                 const char      *entries);
void            lajna_pdf_update_free           (LajnaPdfUpdate  *self);

const char     *lajna_pdf_find_last             (const char      *data,
                                                 gsize            length,
                                                 const char      *needle);
char           *lajna_pdf_text_string           (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaPdfUpdate, lajna_pdf_update_free)

G_END_DECLS
