/* main.c: the language of the interface, then the application.
 *
 * Arabic is the interface language unless the locale asks for English;
 * the text direction follows the language, right-to-left for Arabic.
 */

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "app/lajna-application.h"

static gboolean
locale_is_english (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (language != NULL && *language != '\0')
    return g_str_has_prefix (language, "en");
  return messages != NULL && g_str_has_prefix (messages, "en");
}

static void
choose_language (void)
{
  const char *messages;

  setlocale (LC_ALL, "");
  if (locale_is_english ())
    return;

  /* gettext ignores LANGUAGE under the C locale; C.UTF-8 is not "C". */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "ar", TRUE);
}

/* Whether this is the executable meson built, run from its build folder:
 * an installed copy lives elsewhere. */
static gboolean
run_from_build_tree (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = executable != NULL ? g_path_get_dirname (executable) : NULL;
  char built[PATH_MAX];

  return folder != NULL && realpath (LAJNA_BUILD_UI_DIR, built) != NULL
         && strcmp (folder, built) == 0;
}

/* The translations and the settings schema that belong to this
 * executable: those built beside it in the build tree, else the installed
 * ones, whatever the prefix (one outside XDG_DATA_DIRS too). The
 * variables, when set, say otherwise. */
static const char *
find_own_data (void)
{
  gboolean built = run_from_build_tree ();
  const char *localedir = g_getenv ("LAJNA_LOCALEDIR");

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", built ? LAJNA_BUILD_SCHEMA_DIR : SCHEMA_DIR, TRUE);
  if (localedir != NULL)
    return localedir;
  return built ? LAJNA_BUILD_LOCALEDIR : LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LajnaApplication) app = NULL;
  gboolean arabic;

  choose_language ();
  arabic = !locale_is_english ();
  bindtextdomain (GETTEXT_PACKAGE, find_own_data ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  app = lajna_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
