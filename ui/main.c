/* main.c: the language of the interface, then the application.
 *
 * Arabic is the interface language unless the locale asks for English;
 * the text direction follows the language, right-to-left for Arabic.
 */

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "app/lajna-application.h"
#include "lajna-own-data.h"

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LajnaApplication) app = NULL;
  gboolean arabic;

  choose_language ();
  arabic = !locale_is_english ();
  bindtextdomain (GETTEXT_PACKAGE, lajna_own_data_find (LAJNA_BUILD_UI_DIR));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  app = lajna_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
