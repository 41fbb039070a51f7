/* lajna-letterhead.c: the letterhead that heads a printed list or report:
 * the committee's heading (lajna-committee-heading.c) on one side, the day
 * it was printed on the other, the committee's logo between. */

#include "lajna-letterhead.h"

#include <glib/gi18n-lib.h>

#include "lajna-text.h"

/**
 * lajna_letterhead_add:
 * @writer: the pages
 * @heading: the committee's heading
 *
 * Heads @writer's first page with the letterhead, dated today; nothing
 * when no committee is known.
 */
void
lajna_letterhead_add (LajnaPdfWriter              *writer,
                      const LajnaCommitteeHeading *heading)
{
  g_autofree char *end = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  if (heading->lines[0] == '\0')
    return;
  today = lajna_isolate (day);
  end = g_strdup_printf (_("Date: %s"), today);
  lajna_pdf_writer_add_letterhead (writer, heading->lines, end, heading->logo);
}
