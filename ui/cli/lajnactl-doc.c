/* lajnactl-doc.c: `doc import --case ID [--type TYPE] FILE…`,
 * `doc list --case ID [--json]` and `doc export DOC -o FILE`. Each file is
 * read, checked and attached on its own: one bad file is reported and
 * leaves nothing behind, and the others are attached. */

#include "lajnactl.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lajna-document-store.h"
#include "lajna-document-sandbox.h"
#include "lajna-json.h"

static gint64 case_option;
static char *type_option;
static gboolean json_option;

static const GOptionEntry import_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &type_option,
    N_("The document’s type, such as passport (default: other)"), N_("TYPE") },
  { NULL }
};

static const GOptionEntry list_entries[] = {
  { "case", 0, 0, G_OPTION_ARG_INT64, &case_option, N_("The file’s id"), N_("ID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_option, N_("Machine-readable output"), NULL },
  { NULL }
};

/* One file: read, checked, attached; FALSE (with the reason printed) when
 * it was not. */
static gboolean
import_one (LajnactlContext *ctx,
            const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LajnaDocumentFile) file = NULL;
  g_autofree char *title = g_path_get_basename (path);
  gboolean already = FALSE;
  gint64 id;

  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped != NULL)
    {
      bytes = g_mapped_file_get_bytes (mapped);
      file = lajna_document_sandbox_read (bytes, &error);
    }
  id = file != NULL ? lajna_document_attach (ctx->db, case_option, type_option, title, "import",
                                             file, &already, &error)
                    : 0;
  if (id == 0)
    {
      g_printerr ("lajnactl: %s: %s\n", path, error->message);
      return FALSE;
    }
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    if (already)
      g_print (_("%s: already attached to this file as document %s; not stored again.\n"),
               path, number);
    else
      g_print (ngettext ("%s: attached as document %s (%u page).\n",
                         "%s: attached as document %s (%u pages).\n", file->pages),
               path, number, file->pages);
  }
  return TRUE;
}

static int
import (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE…"));
  int status = LAJNACTL_EXIT_OK;
  guint failed = 0;

  g_option_context_add_main_entries (options, import_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc < 2 || case_option <= 0)
    return lajnactl_usage_error (options, _("Give --case ID and at least one file."));
  if (type_option == NULL)
    type_option = g_strdup ("other");
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  for (int i = 1; i < argc; i++)
    failed += !import_one (ctx, argv[i]);
  return failed > 0 ? LAJNACTL_EXIT_FAILED : LAJNACTL_EXIT_OK;
}

static void
print_documents (GPtrArray *documents)
{
  LajnaJson *json = json_option ? lajna_json_new () : NULL;

  if (json != NULL)
    lajna_json_begin_array (json);
  for (guint i = 0; i < documents->len; i++)
    {
      LajnaDocument *d = g_ptr_array_index (documents, i);

      if (json == NULL)
        {
          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%s\t%s\n", d->id, d->type_code, d->mime_type,
                   d->pages, d->added_at, d->title);
          continue;
        }
      lajna_json_begin_object (json);
      lajna_json_key (json, "id");
      lajna_json_int (json, d->id);
      lajna_json_member (json, "type", d->type_code);
      lajna_json_member (json, "title", d->title);
      lajna_json_member (json, "mime_type", d->mime_type);
      lajna_json_key (json, "pages");
      lajna_json_int (json, d->pages);
      lajna_json_key (json, "bytes");
      lajna_json_int (json, d->byte_size);
      lajna_json_member (json, "sha256", d->sha256);
      lajna_json_member (json, "source", d->source);
      lajna_json_member (json, "added_by", d->added_by);
      lajna_json_member (json, "added_at", d->added_at);
      lajna_json_end_object (json);
    }
  if (json != NULL)
    {
      lajna_json_end_array (json);
      lajna_json_print_free (json);
    }
}

static int
list (LajnactlContext *ctx,
      int              argc,
      char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  int status = LAJNACTL_EXIT_OK;

  g_option_context_add_main_entries (options, list_entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &status))
    return status;
  if (argc != 1 || case_option <= 0)
    return lajnactl_usage_error (options, _("Give --case ID."));
  if (!lajnactl_connect (ctx, TRUE, &status))
    return status;
  if ((documents = lajna_document_list (ctx->db, case_option, &error)) == NULL)
    return lajnactl_fail (error);
  print_documents (documents);
  return LAJNACTL_EXIT_OK;
}

static int
export (LajnactlContext *ctx,
        int              argc,
        char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  gint64 id = 0;
  int status = LAJNACTL_EXIT_OK;

  if (!lajnactl_begin_output (ctx, _("Give one document id and -o FILE."), argc, argv, &id,
                              &output, &status))
    return status;
  if ((bytes = lajna_document_original (ctx->db, id, &error)) == NULL
      || !g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), G_FILE_SET_CONTENTS_CONSISTENT,
                                    0600, &error))
    return lajnactl_fail (error);
  return LAJNACTL_EXIT_OK;
}

int
lajnactl_doc (LajnactlContext *ctx,
              int              argc,
              char           **argv)
{
  if (argc >= 2 && strcmp (argv[1], "import") == 0)
    return import (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    return list (ctx, argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "export") == 0)
    return export (ctx, argc - 1, argv + 1);
  return lajnactl_usage_error (NULL, _("Use “doc import --case ID FILE…”, “doc list --case ID” "
                                       "or “doc export DOC -o FILE”."));
}
