#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GString *lajna_pdf_archive (GBytes      *pdf,
                            const char  *title,
                            GDateTime   *created,
                            const char  *keywords,
                            const char  *language,
                            GError     **error);

G_END_DECLS
