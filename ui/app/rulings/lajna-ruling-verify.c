/* lajna-ruling-verify.c: "Check a Ruling…": asks for a PDF, checks its
 * seal against the committees' seal keys (lajna-ruling-check.c: read from
 * the file itself, nothing sent anywhere) and says in a dialog whether it is
 * valid (as issued, or as issued and signed), altered, signed then
 * changed, or unknown, with the ruling it names and whether a corrected
 * version has replaced it since. */

#include "lajna-ruling-verify.h"

#include <glib/gi18n.h>

#include "lajna-file-choice.h"
#include "lajna-ruling-check.h"
#include "lajna-text.h"

/* What the verdict on a ruling's seal means for the one who relies on it. */
static const char *
verdict_text (const LajnaRulingCheck *checked)
{
  switch (checked->verdict)
    {
    case LAJNA_SEAL_VALID:
      return checked->facts.is_signed
               ? _("It is the PDF issued and sealed, signed since by the certificate named "
                   "below, and nothing has changed after the signature.")
               : _("It is the PDF issued and sealed, byte for byte.");
    case LAJNA_SEAL_SIGNED_THEN_CHANGED:
      return _("It was issued, sealed and signed, but the file has been changed after the "
               "signature: do not rely on it.");
    case LAJNA_SEAL_ALTERED:
    case LAJNA_SEAL_UNKNOWN:
    default:
      return _("Its seal is genuine, but the PDF has been changed since it was issued: do not "
               "rely on it.");
    }
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LajnaRulingCheck) checked = lajna_ruling_check_finish (LAJNA_DB_WORKER (source),
                                                                   result, &error);
  g_autofree char *number = NULL, *year = NULL, *version = NULL;
  g_autofree char *ruling = NULL, *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  if (checked == NULL)
    {
      heading = _("The File Cannot Be Checked");
      body = g_strdup (error->message);
    }
  else if (checked->verdict == LAJNA_SEAL_UNKNOWN)
    {
      heading = _("Unknown Document");
      body = g_strdup (_("The PDF carries no seal made with a committee’s key known here: it "
                         "is not a ruling issued here, or its seal was removed or forged."));
    }
  else
    {
      number = lajna_isolate_int (checked->facts.number);
      year = lajna_isolate_int (checked->facts.year);
      version = lajna_isolate_int (checked->facts.version);
      /* Translators: the ruling a seal names: its number, year and version. */
      ruling = g_strdup_printf (_("Ruling %s of %s, version %s."), number, year, version);
      heading = checked->verdict == LAJNA_SEAL_VALID ? _("Valid Ruling") : _("Altered Ruling");
      body = g_strjoin (" ", ruling, verdict_text (checked), checked->superseded
                          ? _("A corrected version has replaced it since.") : "", NULL);
      if (checked->facts.signer != NULL)
        {
          g_autofree char *signer = lajna_isolate (checked->facts.signer);
          g_autofree char *with_signer = g_strdup_printf ("%s\n%s", body, signer);

          g_free (body);
          body = g_steal_pointer (&with_signer);
        }
    }
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (checked != NULL && checked->verdict != LAJNA_SEAL_VALID)
    gtk_widget_add_css_class (dialog, "error");
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWindow     *parent;
  LajnaDbWorker *worker;
} Asked;

static void
asked_free (Asked *asked)
{
  g_object_unref (asked->parent);
  g_object_unref (asked->worker);
  g_free (asked);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Asked *asked = user_data;
  g_autofree char *path = lajna_file_choice_ask_finish (result, NULL);

  if (path != NULL)
    lajna_ruling_check_async (asked->worker, path, NULL, checked_cb, g_object_ref (asked->parent));
  asked_free (asked);
}

/**
 * lajna_ruling_verify_run:
 * @parent: the window asking
 * @worker: the database worker, for the seal key
 *
 * Asks for a ruling's PDF and says whether it is valid, altered or
 * unknown.
 */
void
lajna_ruling_verify_run (GtkWindow     *parent,
                         LajnaDbWorker *worker)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Asked *asked = g_new0 (Asked, 1);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  asked->parent = g_object_ref (parent);
  asked->worker = g_object_ref (worker);
  lajna_file_choice_ask_async (parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("Check a Ruling"),
                               _("_Check"), NULL, filter, NULL, chosen_cb, asked);
}
