/* lajna-ruling.c: a file's ruling (قرار) as an Arabic PDF: the committee's
 * letterhead, the ruling's number of its year and its date, the subject,
 * the preamble citing the legal basis and the meeting, the articles under
 * their ordinal names (المادة الأولى …), and the signature blocks of the
 * chair and the members present. A ruling not issued yet prints as a
 * draft, crossed as such. The wording is the template's, in Arabic. */

#include "lajna-ruling.h"


#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lajna-case-fields.h"
#include "lajna-hijri.h"
#include "lajna-pdf-sign.h"
#include "lajna-pdf-writer.h"
#include "lajna-ruling-content.h"
#include "lajna-ruling-record.h"
#include "lajna-seal.h"
#include "lajna-text.h"


static void
add_signatures (LajnaPdfWriter *writer,
                GPtrArray      *signatories)
{
  for (guint first = 0; first < signatories->len; first += LAJNA_PDF_SIGNATURES_A_ROW)
    {
      g_autoptr(GStrvBuilder) capacities = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) capacity_list = NULL;
      g_auto(GStrv) name_list = NULL;

      for (guint i = first; i < MIN (first + LAJNA_PDF_SIGNATURES_A_ROW, signatories->len); i++)
        {
          const LajnaSignatory *signatory = g_ptr_array_index (signatories, i);

          g_strv_builder_add (capacities, signatory->capacity);
          g_strv_builder_add (names, signatory->full_name);
        }
      capacity_list = g_strv_builder_end (capacities);
      name_list = g_strv_builder_end (names);
      lajna_pdf_writer_add_signatures (writer, (const char * const *) capacity_list,
                                       (const char * const *) name_list);
    }
}

/* "\nالموافق: 12 جمادى الآخرة 1448 هـ" when the committee prints the Hijri
 * date of an issued ruling, else "". */
static char *
dup_hijri_line (const LajnaRulingContent *content)
{
  GDate day;
  g_autofree char *hijri = NULL;

  if (!content->hijri || content->issued_on == NULL || !lajna_parse_date (content->issued_on, &day))
    return g_strdup ("");
  hijri = lajna_hijri_text (&day);
  return g_strdup_printf ("\nالموافق: %s", hijri);
}

/**
 * lajna_ruling_lay_out:
 * @content: the ruling, filled in
 *
 * Returns: (transfer full): the ruling's pages, ready to be written
 */
LajnaPdfWriter *
lajna_ruling_lay_out (const LajnaRulingContent *content)
{
  g_autofree char *number_isolated = lajna_isolate_int (content->number);
  g_autofree char *year_isolated = lajna_isolate_int (content->year);
  g_autofree char *heading = content->number > 0
                               ? g_strdup_printf ("قرار رقم (%s) لسنة %s", number_isolated,
                                                  year_isolated)
                               : g_strdup ("مشروع قرار");
  g_autofree char *start = NULL, *end = NULL, *day = NULL, *hijri = NULL;
  LajnaPdfWriter *writer = lajna_pdf_writer_new (heading);

  lajna_pdf_writer_set_arabic (writer, TRUE);
  lajna_pdf_writer_set_seal (writer, content->seal);
  if (content->number > 0)
    lajna_pdf_writer_set_created (writer, content->issued_on);
  if (content->number == 0)
    lajna_pdf_writer_set_watermark (writer, "مسودة — لم يصدر القرار بعد");
  /* A committee's own letterhead, or the state, ministry and committee;
   * on the left, the number and the date. */
  start = lajna_ruling_content_letterhead (content);
  day = lajna_isolate (content->issued_on != NULL ? content->issued_on : "……");
  hijri = dup_hijri_line (content);
  end = content->number > 0
          ? g_strdup_printf ("الرقم: (%s) لسنة %s\nالتاريخ: %s%s", number_isolated, year_isolated,
                             day, hijri)
          : g_strdup_printf ("الرقم: ……\nالتاريخ: %s%s", day, hijri);
  lajna_pdf_writer_add_letterhead (writer, start, end, content->logo);
  lajna_pdf_writer_add_title (writer, heading);
  if (content->version > 1)
    {
      g_autofree char *version_isolated = lajna_isolate_int (content->version);
      g_autofree char *note = g_strdup_printf ("نسخة مصحَّحة رقم (%s) تحل محل ما قبلها. "
                                               "سبب التصحيح: %s", version_isolated,
                                               content->correction_reason);

      lajna_pdf_writer_add_paragraph (writer, note);
    }
  lajna_pdf_writer_add_heading (writer, content->title);
  lajna_pdf_writer_add_paragraph (writer, content->preamble);
  lajna_pdf_writer_add_paragraph (writer, "قررت:");
  /* Each article a paragraph of its own, its values isolated within it. */
  for (guint i = 0; content->articles[i] != NULL; i++)
    {
      g_autofree char *article = g_strdup_printf ("%s: %s", lajna_ruling_article_name (i),
                                                  content->articles[i]);

      lajna_pdf_writer_add_paragraph (writer, article);
    }
  add_signatures (writer, content->signatories);
  return writer;
}

/**
 * lajna_ruling_pdf:
 * @content: a ruling
 * @error: return location for a #GError
 *
 * The ruling laid out as its PDF: the same bytes whenever it is laid out
 * (a #LajnaRulingLayOutFunc, for issuing and sealing).
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
lajna_ruling_pdf (const LajnaRulingContent  *content,
                  GError                   **error)
{
  g_autoptr(LajnaPdfWriter) writer = lajna_ruling_lay_out (content);

  return lajna_pdf_writer_write_bytes (writer, error);
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GInputStream) stream = NULL;
  GError *error = NULL;
  LajnaPageRenderer *renderer = NULL;

  if ((pdf = lajna_ruling_pdf (data, &error)) != NULL)
    {
      stream = g_memory_input_stream_new_from_bytes (pdf);
      renderer = lajna_page_renderer_new (stream, g_bytes_get_size (pdf), &error);
    }
  if (renderer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, renderer, g_object_unref);
}

/**
 * lajna_ruling_preview_async:
 * @content: a ruling, copied
 * @cancellable: (nullable): a #GCancellable; once cancelled, @callback
 *   runs at once
 * @callback: called once laid out
 * @user_data: for @callback
 *
 * Lays the ruling out on a thread and opens a renderer on its PDF, for
 * its pages as they print.
 */
void
lajna_ruling_preview_async (const LajnaRulingContent *content,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, lajna_ruling_preview_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, lajna_ruling_content_copy (content),
                        (GDestroyNotify) lajna_ruling_content_free);
  g_task_run_in_thread (task, preview_thread);
}

/**
 * lajna_ruling_preview_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the renderer of the ruling's PDF
 */
LajnaPageRenderer *
lajna_ruling_preview_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  LajnaDb *db;
  gint64   case_id;
  gint64   ruling_id;
} Printed;

static gboolean
record_print (gpointer   data,
              GError   **error)
{
  Printed *printed = data;

  return lajna_ruling_record_print (printed->db, printed->case_id, printed->ruling_id, error);
}

/* The ruling's PDF on record: signed, or as issued with its seal. */
static GBytes *
read_on_record (LajnaDb                  *db,
                const LajnaRulingContent *content,
                GError                  **error)
{
  g_autoptr(GBytes) pdf = lajna_ruling_read_pdf (db, content->ruling_id, error);

  if (pdf == NULL || content->is_signed)
    return g_steal_pointer (&pdf);
  return lajna_seal_apply (pdf, content->pdf_seal, error);
}

/* The PDF on record, written beside @path, the printing recorded, then
 * named @path. */
static gboolean
write_on_record (Printed                  *printed,
                 const LajnaRulingContent *content,
                 const char               *path,
                 GError                  **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(GBytes) pdf = read_on_record (printed->db, content, error);

  if (pdf == NULL || !lajna_pdf_file_write (partial, pdf, error))
    return FALSE;
  if (!record_print (printed, error))
    {
      g_remove (partial);
      return FALSE;
    }
  return lajna_pdf_file_commit (partial, path, error);
}

/**
 * lajna_ruling_render:
 * @db: a connection, as the person printing
 * @case_id: the file
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Writes the ruling of the decision in force on the file: a draft until
 * it is issued; then its PDF on record, byte for byte, as issued and
 * sealed, or as signed. The
 * printing is recorded in the audit trail; when it cannot be, nothing is
 * left at @path.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_ruling_render (LajnaDb     *db,
                     gint64       case_id,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(LajnaRulingContent) content =
    lajna_ruling_load_printable (db, case_id, lajna_ruling_pdf, error);
  g_autoptr(LajnaPdfWriter) writer = NULL;
  Printed printed = { db, case_id };

  if (content == NULL)
    return FALSE;
  printed.ruling_id = content->ruling_id;
  if (content->is_signed || content->pdf_seal != NULL)
    return write_on_record (&printed, content, path, error);
  writer = lajna_ruling_lay_out (content);
  return lajna_pdf_writer_write_recorded (writer, path, record_print, &printed, error);
}

/**
 * lajna_rulings_render_all:
 * @db: a connection, as the person printing
 * @case_ids: (element-type gint64): the files, in the order to print
 * @path: the PDF to write
 * @progress: (nullable) (scope call): told after each ruling
 * @data: for @progress
 * @error: return location for a #GError
 *
 * All the rulings in one PDF (a meeting's, for one print job), each laid
 * out and drawn then let go, so that memory stays flat however many there
 * are. Every printing is recorded, in one transaction once the PDF is
 * complete: a PDF that could not be recorded is not left behind.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_rulings_render_all (LajnaDb              *db,
                          GArray               *case_ids,
                          const char           *path,
                          LajnaRulingsProgress  progress,
                          gpointer              data,
                          GError              **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(GArray) rulings = g_array_new (FALSE, FALSE, sizeof (gint64));
  cairo_surface_t *surface = lajna_pdf_file_new (partial, "قرارات");
  cairo_t *cr = cairo_create (surface);
  gboolean done = TRUE;

  for (guint i = 0; i < case_ids->len && done; i++)
    {
      g_autoptr(LajnaRulingContent) content =
        lajna_ruling_load_printable (db, g_array_index (case_ids, gint64, i), lajna_ruling_pdf,
                                     error);
      g_autoptr(LajnaPdfWriter) writer = NULL;

      if (content == NULL)
        {
          done = FALSE;
          break;
        }
      writer = lajna_ruling_lay_out (content);
      lajna_pdf_writer_append_to (writer, cr);
      g_array_append_val (rulings, content->ruling_id);
      if (progress != NULL)
        progress (i + 1, case_ids->len, data);
    }
  cairo_destroy (cr);
  done = lajna_pdf_file_finish (surface, partial, done ? error : NULL) && done
         && lajna_pdf_file_archive (partial, "قرارات", error)
         && lajna_ruling_record_prints (db, case_ids, rulings, error);
  if (!done)
    {
      g_remove (partial);
      return FALSE;
    }
  return lajna_pdf_file_commit (partial, path, error);
}

/**
 * lajna_ruling_sign:
 * @db: a connection, as the signatory
 * @case_id: the file whose issued ruling is signed
 * @p12_path: the signatory's PKCS#12 file
 * @password: (nullable): its password
 * @tsa_url: (nullable): the time-stamping authority that dates the
 *   signature, or %NULL for none
 * @path: where to write the signed PDF
 * @error: return location for a #GError
 *
 * Signs the file's ruling, its PDF as issued and sealed (an incremental
 * update holding a CMS signature over the whole file), checks the signature as a reader would, and
 * stores the signed PDF with its SHA-256, once: a ruling signed is final.
 *
 * Returns: whether the ruling was signed, stored and written
 */
gboolean
lajna_ruling_sign (LajnaDb     *db,
                   gint64       case_id,
                   const char  *p12_path,
                   const char  *password,
                   const char  *tsa_url,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(LajnaRulingContent) content =
    lajna_ruling_load_printable (db, case_id, lajna_ruling_pdf, error);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);

  if (content == NULL)
    return FALSE;
  if (content->ruling_id == 0)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   _("The ruling is not issued yet: issue it before it is signed."));
      return FALSE;
    }
  if (content->is_signed || content->pdf_seal == NULL)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_INVALID,
                   _("The ruling is signed already: a ruling signed is final."));
      return FALSE;
    }
  signer = lajna_ruling_dup_signer (db, content);
  if ((pdf = read_on_record (db, content, error)) == NULL
      || (signed_pdf = lajna_pdf_sign (pdf, p12_path, password, signer, tsa_url, &subject,
                                         error)) == NULL
      || !lajna_pdf_signature_check (signed_pdf, error))
    return FALSE;
  if (!lajna_ruling_store_signed (db, content->ruling_id, signed_pdf, subject, error))
    return FALSE;
  if (!g_file_set_contents (partial, g_bytes_get_data (signed_pdf, NULL),
                            g_bytes_get_size (signed_pdf), error))
    return FALSE;
  return lajna_pdf_file_commit (partial, path, error);
}
