#pragma once

#include "lajna-db.h"
#include "lajna-pdf-writer.h"

G_BEGIN_DECLS

/* Reads what a PDF shows (a meeting, a ruling), and lays it out. */
typedef gpointer        (*BenchRead)   (LajnaDb      *db,
                                        gint64        id,
                                        GError      **error);
typedef LajnaPdfWriter *(*BenchLayOut) (gconstpointer read);

void bench_time_pdf (LajnaDb        *db,
                     gint64          id,
                     BenchRead       read,
                     BenchLayOut     lay_out,
                     GDestroyNotify  free_read,
                     const char     *path,
                     int             runs,
                     double         *read_ms,
                     double         *render_ms);

G_END_DECLS
