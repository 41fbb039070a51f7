/* lajna-pdf-update.c: an incremental update appended to one of Lajna's
 * PDFs (cairo's classic cross-reference tables), nothing before it
 * changed: objects put anew under their numbers or new ones, a classic
 * table of their offsets, and a trailer that keeps the document's root,
 * information and /ID and points back to the table before. The file's
 * first /ID, when it has none, is the start of the SHA-256 of its bytes,
 * so that the same bytes always get the same update. Archiving
 * (lajna-pdf-archive.c), sealing (lajna-seal.c) and signing
 * (lajna-pdf-sign.c) each append one. */

#include "lajna-pdf-update.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-pdf-sign.h"

struct _LajnaPdfUpdate
{
  const char *data;
  gsize    length;
  gint64   size;
  gint64   root;
  gint64   info;
  gint64   previous;
  char    *id;
  /* The update: its text, where it starts in the file, and each
   * object's number and offset in the file. */
  GString *out;
  gsize    start;
  GArray  *offsets;
};

/* The last occurrence of @needle in the first @length bytes of @data. */
const char *
lajna_pdf_find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The number after @key in @text, or -1. */
static gint64
number_after (const char *text,
              const char *key)
{
  const char *at = strstr (text, key);

  return at != NULL ? g_ascii_strtoll (at + strlen (key), NULL, 10) : -1;
}

/* The trailer's first /ID, in hex, or a new one made of the file's bytes. */
static char *
dup_id (const char *trailer,
        GBytes     *pdf)
{
  const char *id = strstr (trailer, "/ID");
  const char *open = id != NULL ? strchr (id, '<') : NULL;
  gsize hex = open != NULL ? strspn (open + 1, "0123456789abcdefABCDEF") : 0;
  g_autofree char *digest = NULL;

  if (hex > 0 && open[hex + 1] == '>')
    return g_strndup (open + 1, hex);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  return g_strndup (digest, 32);
}

/**
 * lajna_pdf_update_new:
 * @pdf: a PDF of Lajna's
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): an empty update of @pdf, which
 *   must outlive it
 */
LajnaPdfUpdate *
lajna_pdf_update_new (GBytes  *pdf,
                      GError **error)
{
  g_autoptr(LajnaPdfUpdate) self = g_new0 (LajnaPdfUpdate, 1);
  const char *trailer, *startxref;
  g_autofree char *trailer_text = NULL;

  self->data = g_bytes_get_data (pdf, &self->length);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  trailer = self->data != NULL ? lajna_pdf_find_last (self->data, self->length, "trailer") : NULL;
  startxref = trailer != NULL ? lajna_pdf_find_last (self->data, self->length, "startxref") : NULL;
  if (startxref == NULL || startxref < trailer)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                   _("The PDF has no cross-reference table Lajna can extend."));
      return NULL;
    }
  trailer_text = g_strndup (trailer, startxref - trailer);
  self->size = number_after (trailer_text, "/Size");
  self->root = number_after (trailer_text, "/Root");
  self->info = number_after (trailer_text, "/Info");
  self->previous = g_ascii_strtoll (startxref + strlen ("startxref"), NULL, 10);
  if (self->size <= 0 || self->root <= 0 || self->previous <= 0)
    {
      g_set_error (error, LAJNA_SIGN_ERROR, LAJNA_SIGN_ERROR_PDF,
                   _("The PDF has no cross-reference table Lajna can extend."));
      return NULL;
    }
  self->id = dup_id (trailer_text, pdf);
  self->out = g_string_new (NULL);
  if (self->data[self->length - 1] != '\n')
    g_string_append_c (self->out, '\n');
  self->start = self->length;
  return g_steal_pointer (&self);
}

void
lajna_pdf_update_free (LajnaPdfUpdate *self)
{
  g_free (self->id);
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->offsets);
  g_free (self);
}

gint64
lajna_pdf_update_get_root (LajnaPdfUpdate *self)
{
  return self->root;
}

/**
 * lajna_pdf_update_dup_dictionary:
 * @self: an update
 * @number: an object of the PDF
 *
 * Returns: (transfer full) (nullable): the object's dictionary, its last
 *   definition in the file, as text without its final ">>" (so that keys
 *   can be added)
 */
char *
lajna_pdf_update_dup_dictionary (LajnaPdfUpdate *self,
                                 gint64          number)
{
  g_autofree char *head = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj", number);
  const char *start = lajna_pdf_find_last (self->data, self->length, head);
  const char *end, *close;

  if (start == NULL
      || (end = g_strstr_len (start, self->data + self->length - start, "endobj")) == NULL)
    return NULL;
  start = g_strstr_len (start, end - start, "<<");
  close = start != NULL ? lajna_pdf_find_last (start, end - start, ">>") : NULL;
  if (close == NULL)
    return NULL;
  return g_strndup (start, close - start);
}

/* The first page of the page tree whose root is @pages. */
static gint64
first_page (LajnaPdfUpdate *self,
            gint64          pages,
            guint           depth)
{
  g_autofree char *tree = lajna_pdf_update_dup_dictionary (self, pages);
  const char *kids = tree != NULL ? strstr (tree, "/Kids") : NULL;
  const char *open = kids != NULL ? strchr (kids, '[') : NULL;
  gint64 kid = open != NULL ? g_ascii_strtoll (open + 1, NULL, 10) : 0;
  g_autofree char *page = kid > 0 ? lajna_pdf_update_dup_dictionary (self, kid) : NULL;

  if (page == NULL || depth > 16)
    return 0;
  /* A page tree node has kids of its own. */
  return strstr (page, "/Kids") != NULL ? first_page (self, kid, depth + 1) : kid;
}

/* The document's first page, or 0. */
gint64
lajna_pdf_update_get_first_page (LajnaPdfUpdate *self)
{
  g_autofree char *catalog = lajna_pdf_update_dup_dictionary (self, self->root);
  gint64 pages = catalog != NULL ? number_after (catalog, "/Pages") : -1;

  return pages > 0 ? first_page (self, pages, 0) : 0;
}

/* A number for a new object. */
gint64
lajna_pdf_update_add_number (LajnaPdfUpdate *self)
{
  return self->size++;
}

static void
begin_object (LajnaPdfUpdate *self,
              gint64          number)
{
  gint64 entry[2] = { number, (gint64) (self->start + self->out->len) };

  g_array_append_vals (self->offsets, entry, 2);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT " 0 obj\n", number);
}

/* Object @number, anew: @body. */
void
lajna_pdf_update_put (LajnaPdfUpdate *self,
                      gint64          number,
                      const char     *body)
{
  begin_object (self, number);
  g_string_append_printf (self->out, "%s\nendobj\n", body);
}

/* Object @number, anew: a stream of @data, unfiltered, its dictionary
 * holding @entries besides its length. */
void
lajna_pdf_update_put_stream (LajnaPdfUpdate *self,
                             gint64          number,
                             const char     *entries,
                             const guint8   *data,
                             gsize           length)
{
  begin_object (self, number);
  g_string_append_printf (self->out, "<< %s /Length %" G_GSIZE_FORMAT " >>\nstream\n", entries,
                          length);
  g_string_append_len (self->out, (const char *) data, length);
  g_string_append (self->out, "\nendstream\nendobj\n");
}

/* The document's information is object @number from now on. */
void
lajna_pdf_update_set_info (LajnaPdfUpdate *self,
                           gint64          number)
{
  self->info = number;
}

/**
 * lajna_pdf_update_finish:
 * @self: an update
 * @entries: (nullable): more of the trailer
 *
 * Returns: (transfer full): the update, to append to the PDF; @self is
 *   left empty
 */
GString *
lajna_pdf_update_finish (LajnaPdfUpdate *self,
                         const char     *entries)
{
  GString *out = g_steal_pointer (&self->out);
  gsize xref = self->start + out->len;

  g_string_append (out, "xref\n0 1\n0000000000 65535 f \n");
  for (guint i = 0; i < self->offsets->len; i += 2)
    g_string_append_printf (out, "%" G_GINT64_FORMAT " 1\n%010" G_GINT64_FORMAT " 00000 n \n",
                            g_array_index (self->offsets, gint64, i),
                            g_array_index (self->offsets, gint64, i + 1));
  g_string_append_printf (out, "trailer\n<< /Size %" G_GINT64_FORMAT " /Root %" G_GINT64_FORMAT
                          " 0 R", self->size, self->root);
  if (self->info > 0)
    g_string_append_printf (out, " /Info %" G_GINT64_FORMAT " 0 R", self->info);
  g_string_append_printf (out, " /ID [<%s> <%s>] /Prev %" G_GINT64_FORMAT "%s%s >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", self->id, self->id,
                          self->previous, entries != NULL ? " " : "",
                          entries != NULL ? entries : "", xref);
  return out;
}

/**
 * lajna_pdf_text_string:
 * @text: UTF-8
 *
 * Returns: (transfer full): a PDF text string of @text: UTF-16BE in hex,
 *   with its byte order mark
 */
char *
lajna_pdf_text_string (const char *text)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GString *out = g_string_new ("<FEFF");

  for (gunichar2 *c = utf16; c != NULL && *c != 0; c++)
    g_string_append_printf (out, "%04X", *c);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}
