/* test-fatal-criticals.c: a critical logged under the tests' environment
 * ends the program (G_DEBUG=fatal-criticals), so no suite passes with one
 * in its log. Registered to fail: it passes only when the critical kills
 * it before it can return. */

#include <glib.h>

int
main (void)
{
  g_critical ("A critical the tests' environment must make fatal");
  return 0;
}
