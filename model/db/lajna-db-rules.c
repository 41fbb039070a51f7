/* lajna-db-rules.c: the sentence a person reads when the database refuses
 * what they did because of one of its rules. The schema raises such
 * errors with HINT 'lajna:<rule>' (and an English message for logs and
 * psql); the client shows the translated sentence for the rule. A refusal
 * that concerns a file's lacking documents lists them in its DETAIL
 * (lajna_case_lacking_detail()), and the sentence names them. */

#include "lajna-db-rules.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-labels.h"
#include "lajna-text.h"

#define RLM "\xe2\x80\x8f" /* U+200F RIGHT-TO-LEFT MARK */
#define LRM "\xe2\x80\x8e" /* U+200E LEFT-TO-RIGHT MARK */
#define DOCUMENTS "lajna:documents\n"

static const struct
{
  const char *rule;
  const char *message;
} rules[] = {
  { "checklist", N_("The file cannot go on a meeting’s agenda before its mandatory documents are all attached and valid.") },
  { "complete_checklist", N_("A file is complete only when its mandatory documents are all attached and valid.") },
  { "closed", N_("The meeting is closed: its record cannot be changed. Record a correction, with its reason.") },
  { "not_closed", N_("Corrections are for closed meetings. While the meeting sits, change the vote or decision itself.") },
  { "not_convened", N_("The meeting has not convened yet. Convene it before votes and decisions are recorded.") },
  { "kept", N_("A meeting that has convened stays on record and cannot be deleted.") },
  { "step", N_("A meeting goes from draft to convened to closed, and not back.") },
  { "quorum", N_("The meeting has no quorum: not enough members are marked present (or the chair is absent). No vote or decision can be recorded.") },
  { "voter_absent", N_("Only a member marked present at the meeting can vote.") },
  { "not_own_vote", N_("You can enter only your own vote. The meeting’s secretary may enter votes for the members.") },
  { "reject_reasons", N_("A vote or decision to reject must give its reasons.") },
  { "defer_missing", N_("A deferral must name the documents that are still missing.") },
  { "reason_code", N_("A coded reason was given that does not go with the outcome chosen.") },
  { "outcome", N_("This outcome does not apply to a file of this kind.") },
  { "next_review", N_("The file stays open: give the date of its next review, after the meeting’s day.") },
  { "other_committee", N_("The file belongs to another committee, or it cannot be found.") },
  { "item_voted", N_("The item already has votes or a decision and stays on the agenda.") },
  { "correction", N_("A correction cannot be moved to another record.") },
  { "correction_reason", N_("Give the reason for the correction.") },
  { "placeholder", N_("The template names a placeholder that does not exist. Use only the placeholders listed beside the editor.") },
  { "ruling_issued", N_("This decision already has its ruling.") },
  { "ruling_step", N_("A file becomes “Ruling issued” when its ruling is issued, and “Signed” when the signed ruling is stored: issue or sign the ruling itself.") },
  { "status_step", N_("A file moves from one status to another only by the steps its kind allows: take one of the next steps offered on the file.") },
  { "casework_committee", N_("Social workers and psychologists serve juvenile committees, and only they are limited to one facility.") },
  { "casework_assignment", N_("A juvenile file is assigned to a social worker or psychologist who serves its committee and the juvenile’s facility. Choose one of them, or give the person that role in Preferences first.") },
  { "not_assigned", N_("Only the social worker or psychologist the file is assigned to writes its reports, while they serve its committee.") },
  { "report_not_draft", N_("This report is on record and no longer changes. To change it, correct it: the correction is its next version.") },
  { "report_required", N_("Write every required section before submitting the report.") },
  { "report_superseded", N_("This report has a newer version. Correct the latest one.") },
  { "report_lock", N_("Only the committee’s chair or rapporteur marks a submitted report reviewed.") },
  { "report_document", N_("A report’s document is written when the report is submitted, and changes only with a correction of the report.") },
  { "plan_writer", N_("A juvenile file’s case plan is set by its social worker or psychologist, or by its committee’s clerk, rapporteur or chair.") },
  { "file_committee", N_("A file stays with the committee that registered it. To bring it before another committee, register it there.") },
  { "ruling_final", N_("A ruling on record is final. To correct it, issue a new version.") },
  { "meeting_day", N_("A meeting is convened and closed on the day it is dated. To hold it today, change its date to today.") },
  { "ruling_before_meeting", N_("A ruling cannot be dated before the meeting whose decision it issues. Date it on or after the meeting’s day.") },
  { "ruling_superseded", N_("This ruling has been corrected by a newer version, or its decision is no longer in force: correct the latest version.") },
  { "name_required", N_("Give a name.") },
  { "bidi_control", N_("This text holds invisible direction marks, which can make it read as something else. Type it again without them.") },
  { "text_length", N_("This text is too long, or starts or ends with spaces.") },
  { "quorum_number", N_("A quorum is a number of members, at least 1. Leave it empty for a majority of the members.") },
  { "committee_code", N_("A committee’s code is lower-case Latin letters, digits and -, starting with a letter.") },
  { "file_prefix", N_("A file-number prefix is one to five letters, without / or digits.") },
  { "login", N_("A login is lower-case Latin letters, digits, _ and ., starting with a letter.") },
  { "login_taken", N_("The database server already has an account by this name that is not a person of the committees. Choose another login.") },
  { "own_admin", N_("You cannot end your own administration of a committee. Ask another administrator.") },
  { "own_active", N_("You cannot turn off your own account. Ask another administrator.") },
  { "password_everywhere", N_("Only an administrator of every committee this person belongs to, or the server’s administrator, can set their password.") },
  { "stats_period", N_("A period runs from a day to the same day or a later one, within a hundred years.") },
  { "stats_committee", N_("There is no committee with this number.") },
  { "active_everywhere", N_("Only an administrator of every committee this person belongs to, or the server’s administrator, can turn their account on or off. Turn them on or off on your own committees instead.") },
};

/**
 * lajna_db_rule_message:
 * @hint: (nullable): the HINT of a server error
 *
 * Returns: (nullable): the translated sentence for the rule the hint
 *   names, or %NULL when it names none
 */
const char *
lajna_db_rule_message (const char *hint)
{
  if (hint == NULL || !g_str_has_prefix (hint, "lajna:"))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (hint + strlen ("lajna:"), rules[i].rule) == 0)
      return _(rules[i].message);
  return NULL;
}

/**
 * lajna_db_rule_documents:
 * @detail: (nullable): the DETAIL of a server error, or what
 *   lajna_case_lacking_detail() gives
 *
 * Names the documents @detail lists, in the interface's language:
 * "Documents needed first: Passport (Missing), …".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when
 *   @detail lists no documents
 */
char *
lajna_db_rule_documents (const char *detail)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  gboolean arabic = lajna_prefer_arabic ();

  if (detail == NULL || !g_str_has_prefix (detail, DOCUMENTS))
    return NULL;
  lines = g_strsplit (detail + strlen (DOCUMENTS), "\n", -1);

  /* Each item is isolated, so the list's own isolate in the sentence would
   * find no letter outside them to take its direction from, and lay the
   * list out left to right: a mark of the interface's direction leads. */
  g_string_append (list, arabic ? RLM : LRM);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (fields) != 3)
        return NULL;
      if (i > 0)
        g_string_append (list, C_("list separator", ", "));
      g_string_append_printf (list, C_("document and its state", "%s (%s)"),
                              fields[arabic ? 1 : 2], lajna_label_for (fields[0]));
    }
  return g_strdup_printf (_("Documents needed first: %s"), list->str);
}

/**
 * lajna_db_rule_describe:
 * @hint: (nullable): the HINT of a server error
 * @detail: (nullable): its DETAIL
 *
 * Returns: (transfer full) (nullable): the translated sentence for the
 *   rule the hint names, with the documents the detail lists; %NULL when
 *   the hint names no rule
 */
char *
lajna_db_rule_describe (const char *hint,
                        const char *detail)
{
  const char *message = lajna_db_rule_message (hint);
  g_autofree char *documents = lajna_db_rule_documents (detail);

  if (message == NULL)
    return NULL;
  return documents != NULL ? g_strdup_printf (C_("rule and the documents it needs", "%s %s"),
                                              message, documents)
                           : g_strdup (message);
}
