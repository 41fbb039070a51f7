/* lajna-own-data.c: the translations and the settings schema that belong
 * to an executable: those built beside it when it runs from its build
 * folder, else the installed ones, whatever the prefix (one outside
 * XDG_DATA_DIRS too). The variables, when set, say otherwise. Shared by
 * the app and lajnactl, so both read the same settings. */

#include "lajna-own-data.h"

#include <gio/gio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Whether the running executable lives in @build_folder, where meson
 * built it: an installed copy lives elsewhere. */
static gboolean
run_from (const char *build_folder)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *folder = executable != NULL ? g_path_get_dirname (executable) : NULL;
  char built[PATH_MAX];

  return folder != NULL && realpath (build_folder, built) != NULL
         && strcmp (folder, built) == 0;
}

/**
 * lajna_own_data_find:
 * @build_folder: the folder meson builds the executable in
 *
 * Points GSETTINGS_SCHEMA_DIR at the executable's own schema unless it is
 * set, and returns the folder of its translations (LAJNA_LOCALEDIR when
 * set), for bindtextdomain().
 */
const char *
lajna_own_data_find (const char *build_folder)
{
  gboolean built = run_from (build_folder);
  const char *localedir = g_getenv ("LAJNA_LOCALEDIR");

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", built ? LAJNA_BUILD_SCHEMA_DIR : SCHEMA_DIR, TRUE);
  if (localedir != NULL)
    return localedir;
  return built ? LAJNA_BUILD_LOCALEDIR : LOCALEDIR;
}
