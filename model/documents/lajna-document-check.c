/* lajna-document-check.c: the program that reads untrusted documents in a
 * process of its own, bounded in memory and time
 * (lajna-bounded-process.c), in the language of the application that runs
 * it: "check" reads a file from outside for lajna_document_sandbox_read()
 * (its bytes on fd 3, the records on fd 4); "render" renders a stored
 * document's pages for the viewer's LajnaPageRenderer (over the socket on
 * fd 3). */

#include <glib/gi18n-lib.h>
#include <locale.h>

#include <string.h>

#include "lajna-document-sandbox.h"
#include "lajna-page-renderer.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LAJNA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (argc == 2 && strcmp (argv[1], "render") == 0)
    return lajna_page_renderer_serve (3) ? 0 : 1;
  if (argc == 2 && strcmp (argv[1], "check") == 0)
    return lajna_document_sandbox_serve (3, 4) ? 0 : 1;
  return 2;
}
