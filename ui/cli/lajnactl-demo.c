/* lajnactl-demo.c: `demo --cases N [--seed S]`, realistic sample files
 * for both committee kinds, loaded in one transaction. */

#include "lajnactl.h"

#include <glib/gi18n.h>

#include "lajna-demo.h"

#define MAX_CASES 10000000

static int cases_option = -1;
static int seed_option = 1;

static const GOptionEntry entries[] = {
  { "cases", 0, 0, G_OPTION_ARG_INT, &cases_option, N_("How many files to make"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed_option, N_("Seed of the random choices (default 1)"),
    N_("S") },
  { NULL }
};

static void
progress_cb (const char *stage,
             double      fraction,
             gpointer    user_data)
{
  gint64 *last = user_data;
  gint64 now = g_get_monotonic_time ();

  /* A line every second at most, so a log stays readable. */
  if (now - *last < G_USEC_PER_SEC && fraction < 1.0)
    return;
  *last = now;
  g_printerr ("%3.0f%% %s\n", fraction * 100, stage);
}

int
lajnactl_demo (LajnactlContext *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  int exit_status = LAJNACTL_EXIT_OK;
  gint64 last = 0;
  gint64 start;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!lajnactl_parse (options, &argc, &argv, &exit_status))
    return exit_status;
  if (argc > 1)
    return lajnactl_usage_error (options, _("“demo” takes no arguments."));
  if (cases_option < 1 || cases_option > MAX_CASES)
    return lajnactl_usage_error (options, _("--cases takes a number from 1 to 10000000."));

  if (!lajnactl_connect (ctx, TRUE, &exit_status))
    return exit_status;

  start = g_get_monotonic_time ();
  if (!lajna_demo_fill (ctx->db, (guint) cases_option, (guint32) seed_option, progress_cb, &last,
                        &error))
    return lajnactl_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Loaded %d demo file in %.1f s.\n",
                        "Loaded %d demo files in %.1f s.\n", (gulong) cases_option),
           cases_option, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return LAJNACTL_EXIT_OK;
}
