#pragma once

#include "lajna-ruling-content.h"

G_BEGIN_DECLS

/* Lays out @content as its PDF prints, the same bytes whenever it is laid
 * out (reports/lajna-ruling.c): what is sealed when it is issued. */
typedef GBytes *(*LajnaRulingLayOutFunc) (const LajnaRulingContent  *content,
                                          GError                   **error);

gint64     lajna_ruling_issue     (LajnaDb                *db,
                                   gint64                  case_id,
                                   const char             *issued_on,
                                   LajnaRulingLayOutFunc   lay_out,
                                   GError                **error);
gint64     lajna_ruling_correct   (LajnaDb                *db,
                                   gint64                  case_id,
                                   const char             *reason,
                                   const char             *issued_on,
                                   LajnaRulingLayOutFunc   lay_out,
                                   GError                **error);
LajnaRulingContent *lajna_ruling_load_printable (LajnaDb               *db,
                                                 gint64                 case_id,
                                                 LajnaRulingLayOutFunc  lay_out,
                                                 GError               **error);
GBytes    *lajna_ruling_read_pdf  (LajnaDb                *db,
                                   gint64                  ruling_id,
                                   GError                **error);
gboolean   lajna_ruling_record_print (LajnaDb             *db,
                                      gint64               case_id,
                                      gint64               ruling_id,
                                      GError             **error);
gboolean   lajna_ruling_record_prints (LajnaDb            *db,
                                       GArray             *case_ids,
                                       GArray             *ruling_ids,
                                       GError            **error);
char      *lajna_ruling_dup_signer (LajnaDb                  *db,
                                    const LajnaRulingContent *content);
gboolean   lajna_ruling_store_signed (LajnaDb             *db,
                                      gint64               ruling_id,
                                      GBytes              *signed_pdf,
                                      const char          *subject,
                                      GError             **error);
gboolean   lajna_ruling_find      (LajnaDb                *db,
                                   gint64                  ruling_id,
                                   gint64                 *case_id,
                                   gboolean               *in_force,
                                   GError                **error);
gboolean   lajna_ruling_number    (LajnaDb                *db,
                                   gint64                  ruling_id,
                                   int                    *number,
                                   int                    *year,
                                   GError                **error);
gboolean   lajna_ruling_is_superseded (LajnaDb            *db,
                                       gint64              ruling_id,
                                       gboolean           *superseded,
                                       GError            **error);

G_END_DECLS
