/* lajna-xlsx-part.c: one part of a workbook's ZIP, parsed as XML.
 *
 * A part is unpacked a few kilobytes at a time and fed to GMarkup, so that
 * only what its parser keeps stays in memory. The workbook comes from
 * outside, and a ZIP can unpack to far more than its size (a "ZIP bomb"):
 * each part, and all the parts of a workbook together, are bounded in the
 * bytes they unpack to and in how much larger than their compressed bytes
 * they grow, whatever sizes the ZIP's directory claims.
 */

#include "lajna-xlsx-part.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-xlsx-reader.h"

/* LibreOffice writes 100,000 intake rows as an 81 MB worksheet: the
 * largest intake sheets, a few hundred thousand rows, fit. */
#define MAX_PART_BYTES (512 * 1024 * 1024)

/* That worksheet compresses 14 times, its shared strings 17; deflate can
 * reach a thousand. Small parts may compress better than real sheets and
 * cost nothing, so the ratio holds past the first megabyte. */
#define MAX_RATIO 200
#define RATIO_FREE_BYTES (1024 * 1024)

/* A part is fed to its parser in pieces this large. */
#define CHUNK_BYTES 4096

struct _LajnaXlsxPart
{
  char                *name;
  zip_file_t          *file;
  GMarkupParseContext *context;
  GCancellable        *cancellable;
  gsize               *budget;
  guint64              size;
  guint64              compressed;
  guint64              read;
};

static gboolean
fail_too_large (GError     **error,
                const char  *name)
{
  g_autofree char *limit = g_format_size (MAX_PART_BYTES);

  g_set_error (error, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_TOO_LARGE,
               _("The workbook is too large to import: its part %s unpacks to more than %s. "
                 "Split the sheet into smaller files."), name, limit);
  return FALSE;
}

/* What the ZIP's directory claims, before anything is unpacked. */
static gboolean
check_entry (const zip_stat_t  *stat,
             const char        *name,
             gsize              budget,
             GError           **error)
{
  if ((stat->valid & ZIP_STAT_ENCRYPTION_METHOD) && stat->encryption_method != ZIP_EM_NONE)
    {
      g_set_error_literal (error, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_PROTECTED,
                           _("The workbook is protected by a password and cannot be read. "
                             "Remove the password in the spreadsheet, save the sheet again as "
                             "Excel Workbook (.xlsx) or as CSV UTF-8, and import it again."));
      return FALSE;
    }
  if ((stat->valid & ZIP_STAT_SIZE) && (stat->size > MAX_PART_BYTES || stat->size > budget))
    return fail_too_large (error, name);
  return TRUE;
}

/* What the part really unpacked to so far. */
static gboolean
check_read (LajnaXlsxPart  *self,
            gsize           n,
            GError        **error)
{
  self->read += n;
  if (self->read > MAX_PART_BYTES || n > *self->budget)
    return fail_too_large (error, self->name);
  *self->budget -= n;
  if (self->read > RATIO_FREE_BYTES && self->read / MAX_RATIO > self->compressed)
    {
      g_set_error (error, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_TOO_LARGE,
                   _("The file is not a real workbook: its part %s unpacks to more than %u "
                     "times its size. Save the sheet again from the spreadsheet."),
                   self->name, MAX_RATIO);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail_damaged (GError     **error,
              const char  *name)
{
  g_set_error (error, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED,
               _("The workbook is damaged: its part %s cannot be unpacked. Open it in the "
                 "spreadsheet and save it again."), name);
  return FALSE;
}

/* GMarkup's own errors say that the XML is broken; the parser's say what
 * is wrong in a workbook, and are passed on as they are. */
static gboolean
fail_parse (LajnaXlsxPart  *self,
            GError         *parse_error,
            GError        **error)
{
  if (parse_error->domain == G_MARKUP_ERROR)
    {
      g_set_error (error, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED,
                   _("The workbook is damaged: its part %s is not valid XML (%s). Open it in "
                     "the spreadsheet and save it again."), self->name, parse_error->message);
      g_error_free (parse_error);
    }
  else
    g_propagate_error (error, parse_error);
  return FALSE;
}

/**
 * lajna_xlsx_part_open:
 * @zip: the workbook's ZIP; it must outlive the part
 * @name: the part's name in @zip, matched without regard to case
 * @budget: how many bytes the workbook's parts may still unpack to, less
 *   what this one unpacks as it is read
 * @parser: what to do with the part's XML
 * @user_data: for @parser
 * @cancellable: (nullable): stops the reading between pieces
 * @error: return location for a #GError in %LAJNA_XLSX_ERROR
 *
 * Returns: (transfer full) (nullable): the part, to read; %NULL when @zip
 *   has no such part, or it is protected or too large
 */
LajnaXlsxPart *
lajna_xlsx_part_open (zip_t                *zip,
                      const char           *name,
                      gsize                *budget,
                      const GMarkupParser  *parser,
                      gpointer              user_data,
                      GCancellable         *cancellable,
                      GError              **error)
{
  zip_int64_t index = zip_name_locate (zip, name, ZIP_FL_NOCASE);
  g_autoptr(LajnaXlsxPart) self = NULL;
  zip_stat_t stat;

  if (index < 0)
    {
      g_set_error (error, LAJNA_XLSX_ERROR, LAJNA_XLSX_ERROR_DAMAGED,
                   _("The workbook is damaged: its part %s is missing. Open it in the "
                     "spreadsheet and save it again."), name);
      return NULL;
    }
  zip_stat_init (&stat);
  if (zip_stat_index (zip, (zip_uint64_t) index, 0, &stat) != 0)
    {
      fail_damaged (error, name);
      return NULL;
    }
  if (!check_entry (&stat, name, *budget, error))
    return NULL;

  self = g_new0 (LajnaXlsxPart, 1);
  self->name = g_strdup (name);
  self->budget = budget;
  self->size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  self->compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->file = zip_fopen_index (zip, (zip_uint64_t) index, 0);
  if (self->file == NULL)
    {
      fail_damaged (error, name);
      return NULL;
    }
  self->context = g_markup_parse_context_new (parser, 0, user_data, NULL);
  return g_steal_pointer (&self);
}

void
lajna_xlsx_part_free (LajnaXlsxPart *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->context, g_markup_parse_context_free);
  g_clear_pointer (&self->file, zip_fclose);
  g_clear_object (&self->cancellable);
  g_free (self->name);
  g_free (self);
}

/**
 * lajna_xlsx_part_read:
 * @self: a part
 * @more: (out): set to whether the part has more to read
 * @error: return location for a #GError
 *
 * Unpacks the next piece of the part and feeds it to the parser; at the
 * end of the part, ends the parse.
 *
 * Returns: %FALSE when the part is damaged, too large, or its parser
 *   failed, or the reading was cancelled
 */
gboolean
lajna_xlsx_part_read (LajnaXlsxPart  *self,
                      gboolean       *more,
                      GError        **error)
{
  char chunk[CHUNK_BYTES];
  GError *parse_error = NULL;
  zip_int64_t n;

  *more = FALSE;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  n = zip_fread (self->file, chunk, sizeof chunk);
  if (n < 0)
    return fail_damaged (error, self->name);
  if (!check_read (self, (gsize) n, error))
    return FALSE;
  if (n == 0)
    {
      if (!g_markup_parse_context_end_parse (self->context, &parse_error))
        return fail_parse (self, parse_error, error);
      return TRUE;
    }
  if (!g_markup_parse_context_parse (self->context, chunk, (gssize) n, &parse_error))
    return fail_parse (self, parse_error, error);
  *more = TRUE;
  return TRUE;
}

/**
 * lajna_xlsx_part_read_all:
 * @self: a part
 * @error: return location for a #GError
 *
 * lajna_xlsx_part_read() to the end of the part.
 *
 * Returns: whether the whole part was parsed
 */
gboolean
lajna_xlsx_part_read_all (LajnaXlsxPart  *self,
                          GError        **error)
{
  gboolean more = TRUE;

  while (more)
    {
      if (!lajna_xlsx_part_read (self, &more, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lajna_xlsx_part_get_fraction:
 * @self: a part
 *
 * Returns: how much of the part was read, from 0 to 1, as far as the
 *   size its ZIP claims tells
 */
double
lajna_xlsx_part_get_fraction (LajnaXlsxPart *self)
{
  if (self->size == 0)
    return 0;
  return MIN (1.0, (double) self->read / (double) self->size);
}

/**
 * lajna_xlsx_part_get_name:
 * @self: a part
 *
 * Returns: (transfer none): the part's name, for messages
 */
const char *
lajna_xlsx_part_get_name (LajnaXlsxPart *self)
{
  return self->name;
}

/**
 * lajna_xlsx_local_name:
 * @element_name: an element's name as GMarkup gives it
 *
 * Workbooks' XML may name elements with a namespace prefix ("x:row"),
 * whatever the prefix.
 *
 * Returns: (transfer none): the name without its prefix
 */
const char *
lajna_xlsx_local_name (const char *element_name)
{
  const char *colon = strrchr (element_name, ':');

  return colon != NULL ? colon + 1 : element_name;
}

/**
 * lajna_xlsx_find_attribute:
 * @name: an attribute's name
 * @names: an element's attribute names, as GMarkup gives them
 * @values: their values
 *
 * Returns: (transfer none) (nullable): the value of attribute @name
 */
const char *
lajna_xlsx_find_attribute (const char  *name,
                           const char **names,
                           const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], name) == 0)
        return values[i];
    }
  return NULL;
}
