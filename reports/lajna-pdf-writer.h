#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "lajna-pdf-file.h"

G_BEGIN_DECLS

/* Signature blocks side by side, at most this many a row. */
#define LAJNA_PDF_SIGNATURES_A_ROW 3

/* Draws a drawing block within its rectangle, in points. */
typedef void (*LajnaPdfDrawFunc) (cairo_t  *cr,
                                  double    x,
                                  double    y,
                                  double    width,
                                  double    height,
                                  gpointer  data);

/* Records a printing; returns whether it was recorded. */
typedef gboolean (*LajnaPdfRecordFunc) (gpointer   data,
                                        GError   **error);

#define LAJNA_TYPE_PDF_WRITER (lajna_pdf_writer_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPdfWriter, lajna_pdf_writer, LAJNA, PDF_WRITER, GObject)

LajnaPdfWriter *lajna_pdf_writer_new            (const char      *title);
void            lajna_pdf_writer_set_watermark  (LajnaPdfWriter  *self,
                                                 const char      *text);
void            lajna_pdf_writer_set_seal       (LajnaPdfWriter  *self,
                                                 const char      *seal);
void            lajna_pdf_writer_set_created    (LajnaPdfWriter  *self,
                                                 const char      *day);
void            lajna_pdf_writer_set_arabic     (LajnaPdfWriter  *self,
                                                 gboolean         arabic);
void            lajna_pdf_writer_set_left_to_right (LajnaPdfWriter *self,
                                                 gboolean         left_to_right);
void            lajna_pdf_writer_add_letterhead (LajnaPdfWriter *self,
                                                 const char     *start_lines,
                                                 const char     *end_lines,
                                                 GBytes         *logo);
void            lajna_pdf_writer_add_title      (LajnaPdfWriter  *self,
                                                 const char      *text);
void            lajna_pdf_writer_add_heading    (LajnaPdfWriter  *self,
                                                 const char      *text);
void            lajna_pdf_writer_add_fact       (LajnaPdfWriter  *self,
                                                 const char      *label,
                                                 const char      *value);
void            lajna_pdf_writer_add_paragraph  (LajnaPdfWriter  *self,
                                                 const char      *text);
void            lajna_pdf_writer_add_drawing    (LajnaPdfWriter   *self,
                                                 double            height,
                                                 LajnaPdfDrawFunc  draw,
                                                 gpointer          data,
                                                 GDestroyNotify    data_free);
void            lajna_pdf_writer_add_signatures (LajnaPdfWriter     *self,
                                                 const char * const *capacities,
                                                 const char * const *names);
guint           lajna_pdf_writer_paginate       (LajnaPdfWriter  *self,
                                                 cairo_t         *cr);
void            lajna_pdf_writer_draw_page      (LajnaPdfWriter  *self,
                                                 cairo_t         *cr,
                                                 guint            page);
void            lajna_pdf_writer_append_to      (LajnaPdfWriter  *self,
                                                 cairo_t         *cr);
gboolean        lajna_pdf_writer_write          (LajnaPdfWriter  *self,
                                                 const char      *path,
                                                 GError         **error);
GBytes         *lajna_pdf_writer_write_bytes    (LajnaPdfWriter  *self,
                                                 GError         **error);
gboolean        lajna_pdf_writer_write_recorded (LajnaPdfWriter    *self,
                                                 const char        *path,
                                                 LajnaPdfRecordFunc record,
                                                 gpointer           data,
                                                 GError           **error);

G_END_DECLS
