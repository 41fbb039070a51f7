/* lajna-pdf-archive.c: a PDF of cairo's made PDF/A-2b (ISO 19005-2,
 * level B), the form archives keep, by one incremental update: XMP
 * metadata naming the part and level, the sRGB output intent the pages'
 * colours are read in, a trailer /ID, and a document information
 * dictionary that says what the XMP says (title without the bidi isolates
 * that only lay text out, creator, producer, dates, keywords). cairo
 * already embeds every font and writes classic cross-reference tables.
 * The same PDF and facts always give the same bytes. */

#include "lajna-pdf-archive.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-pdf-update.h"
#include "lajna-reports-resources.h"
#include "lajna-text.h"

#define PROFILE_NAME "sRGB IEC61966-2.1"
#define PRODUCER "Lajna"

static char *
xmp_packet (const char *title,
            const char *created,
            const char *keywords,
            const char *language)
{
  g_autofree char *title_xml = g_markup_escape_text (title, -1);
  g_autofree char *keywords_xml = keywords != NULL ? g_markup_escape_text (keywords, -1) : NULL;
  g_autofree char *keywords_line = keywords != NULL
                                     ? g_strdup_printf ("<pdf:Keywords>%s</pdf:Keywords>\n",
                                                        keywords_xml)
                                     : g_strdup ("");

  return g_strdup_printf (
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "<pdfaid:part>2</pdfaid:part>\n"
      "<pdfaid:conformance>B</pdfaid:conformance>\n"
      "<dc:format>application/pdf</dc:format>\n"
      "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n"
      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
      "<xmp:CreatorTool>Lajna</xmp:CreatorTool>\n"
      "<xmp:CreateDate>%s</xmp:CreateDate>\n"
      "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
      "<pdf:Producer>" PRODUCER "</pdf:Producer>\n"
      "%s"
      "</rdf:Description>\n"
      "</rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"r\"?>", language, title_xml, created, created, keywords_line);
}

/**
 * lajna_pdf_archive:
 * @pdf: a PDF of cairo's, as it finished it
 * @title: the document's title
 * @created: when the document was made (a ruling: the day it was issued)
 * @keywords: (nullable): its keywords (a ruling: its seal)
 * @language: its language, "ar" or "en"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the update that makes @pdf a
 *   PDF/A-2b document, to append to it
 */
GString *
lajna_pdf_archive (GBytes      *pdf,
                   const char  *title,
                   GDateTime   *created,
                   const char  *keywords,
                   const char  *language,
                   GError     **error)
{
  g_autoptr(LajnaPdfUpdate) update = lajna_pdf_update_new (pdf, error);
  g_autoptr(GBytes) profile = NULL;
  g_autoptr(GDateTime) utc = g_date_time_to_utc (created);
  g_autofree char *plain_title = lajna_strip_bidi (title);
  g_autofree char *xmp_date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *pdf_date = g_date_time_format (utc, "D:%Y%m%d%H%M%SZ");
  g_autofree char *xmp = NULL, *catalog = NULL, *body = NULL, *title_string = NULL;
  g_autofree char *keywords_entry = NULL;
  gint64 metadata, intent_profile, info, root;

  if (update == NULL)
    return NULL;
  root = lajna_pdf_update_get_root (update);
  if ((catalog = lajna_pdf_update_dup_dictionary (update, root)) == NULL
      || strstr (catalog, "/Metadata") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The PDF cannot be made an archival PDF/A document."));
      return NULL;
    }
  profile = g_resource_lookup_data (lajna_reports_get_resource (),
                                    "/org/lajna/Lajna/reports/sRGB.icc",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  metadata = lajna_pdf_update_add_number (update);
  intent_profile = lajna_pdf_update_add_number (update);
  info = lajna_pdf_update_add_number (update);

  xmp = xmp_packet (plain_title, xmp_date, keywords, language);
  lajna_pdf_update_put_stream (update, metadata, "/Type /Metadata /Subtype /XML",
                               (const guint8 *) xmp, strlen (xmp));
  lajna_pdf_update_put_stream (update, intent_profile, "/N 3",
                               g_bytes_get_data (profile, NULL), g_bytes_get_size (profile));
  body = g_strdup_printf ("%s /Metadata %" G_GINT64_FORMAT " 0 R /Lang (%s)"
                          " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1"
                          " /OutputConditionIdentifier (" PROFILE_NAME ") /Info (" PROFILE_NAME ")"
                          " /DestOutputProfile %" G_GINT64_FORMAT " 0 R >>] >>", catalog, metadata,
                          language, intent_profile);
  lajna_pdf_update_put (update, root, body);
  g_free (body);

  title_string = lajna_pdf_text_string (plain_title);
  if (keywords != NULL)
    {
      g_autofree char *keywords_string = lajna_pdf_text_string (keywords);

      keywords_entry = g_strdup_printf (" /Keywords %s", keywords_string);
    }
  body = g_strdup_printf ("<< /Title %s /Creator (Lajna) /Producer (" PRODUCER ")"
                          " /CreationDate (%s) /ModDate (%s)%s >>", title_string, pdf_date,
                          pdf_date, keywords_entry != NULL ? keywords_entry : "");
  lajna_pdf_update_put (update, info, body);
  lajna_pdf_update_set_info (update, info);
  return lajna_pdf_update_finish (update, NULL);
}
