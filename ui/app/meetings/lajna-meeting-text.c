/* lajna-meeting-text.c: how the meeting's windows word the votes and the
 * decision on an item, the same in the agenda, the decision dialog and on
 * the presenter's screen; and lines that mix the interface's language
 * with Arabic names read in the interface's direction. */

#include "lajna-meeting-text.h"

#include <glib/gi18n.h>

#include "lajna-text.h"

/**
 * lajna_vote_tally_describe:
 * @tally: the votes on an item
 *
 * Returns: (transfer full): "2 votes to approve, 1 vote to reject, no
 *   abstention", translated, the numbers isolated
 */
char *
lajna_vote_tally_describe (const LajnaVoteTally *tally)
{
  g_autofree char *approve = lajna_isolate_int (tally->approve);
  g_autofree char *reject = lajna_isolate_int (tally->reject);
  g_autofree char *abstain = lajna_isolate_int (tally->abstain);
  g_autofree char *approving = g_strdup_printf (ngettext ("%s vote to approve",
                                                          "%s votes to approve", tally->approve),
                                                approve);
  g_autofree char *rejecting = g_strdup_printf (ngettext ("%s vote to reject",
                                                          "%s votes to reject", tally->reject),
                                                reject);
  g_autofree char *abstaining = g_strdup_printf (ngettext ("%s abstention", "%s abstentions",
                                                           tally->abstain),
                                                 abstain);
  const char *separator = C_("list separator", ", ");

  return g_strconcat (approving, separator, rejecting, separator, abstaining, NULL);
}

/**
 * lajna_decision_describe:
 * @decision: a decision
 *
 * Returns: (transfer full): its outcome, coded and written reasons, the
 *   documents it waits for, its next review and its correction, a line each
 */
char *
lajna_decision_describe (const LajnaDecision *decision)
{
  g_autoptr(GString) text = g_string_new (decision->outcome_label);

  if (decision->reason_labels[0] != NULL)
    {
      g_autofree char *reasons = g_strjoinv (C_("list separator", ", "), decision->reason_labels);

      g_string_append_printf (text, " — %s", reasons);
    }
  if (*decision->reasons != '\0')
    g_string_append_printf (text, "\n%s", decision->reasons);
  if (decision->missing_labels[0] != NULL)
    {
      g_autofree char *missing = g_strjoinv (C_("list separator", ", "), decision->missing_labels);

      g_string_append_printf (text, "\n%s %s", _("Documents still missing:"), missing);
    }
  if (decision->next_review_on != NULL)
    {
      g_autofree char *day = lajna_isolate (decision->next_review_on);

      g_string_append_printf (text, "\n%s %s", _("Next review:"), day);
    }
  if (decision->corrects != 0)
    g_string_append_printf (text, "\n%s %s", _("Corrected after closing:"),
                            decision->correction_reason);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lajna_agenda_item_rejections:
 * @item: an agenda item
 *
 * Returns: (transfer full): "Reasons for rejecting, Name: reasons", a line
 *   each vote to reject in force, or ""
 */
char *
lajna_agenda_item_rejections (const LajnaAgendaItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < item->votes->len; i++)
    {
      const LajnaVote *vote = g_ptr_array_index (item->votes, i);

      if (!vote->in_force || g_strcmp0 (vote->choice, "reject") != 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a member's reasons for voting to reject: name, reasons. */
      g_string_append_printf (text, _("Reasons for rejecting, %s: %s"), vote->full_name,
                              vote->reasons);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lajna_text_directed:
 * @widget: the widget that shows @text
 * @text: lines that may begin with a name in another script
 *
 * A line's direction is that of its first letter: "Meeting 3 of 2026 —
 * لجنة …" would read left to right but a next line starting with an
 * Arabic place right to left, aligned to the other side. A mark of the
 * widget's direction at the head of every line gives each the reading
 * order of the interface, in English as in Arabic.
 *
 * Returns: (transfer full): @text, each line led by U+200E or U+200F
 */
char *
lajna_text_directed (GtkWidget  *widget,
                     const char *text)
{
  const char *mark = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? "\u200f"
                                                                          : "\u200e";
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) directed = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (directed, "%s%s%s", i > 0 ? "\n" : "", mark, lines[i]);
  return g_string_free (g_steal_pointer (&directed), FALSE);
}
