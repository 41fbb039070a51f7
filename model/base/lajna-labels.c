/* lajna-labels.c: the words a person reads for the codes the schema
 * stores (statuses, kinds, directions, outcomes, roles, the audit trail's
 * actions, how a document came…), translated. */

#include "lajna-labels.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const statuses[] = {
  "registered", "documents_pending", "complete", "scheduled", "decided",
  "deferred", "ruling_issued", "signed", "delivered", NULL
};

static const struct
{
  const char *code;
  const char *label;
} labels[] = {
  { "registered", N_("Registered") },
  { "documents_pending", N_("Documents pending") },
  { "complete", N_("Complete") },
  { "scheduled", N_("Scheduled") },
  { "decided", N_("Decided") },
  { "deferred", N_("Deferred") },
  { "ruling_issued", N_("Ruling issued") },
  { "signed", N_("Signed") },
  { "delivered", N_("Delivered") },
  { "marriage", N_("Mixed marriage") },
  { "juvenile", N_("Juvenile") },
  { "libyan_man", N_("Libyan man, foreign woman") },
  { "libyan_woman", N_("Libyan woman, foreign man") },
  { "m", N_("Male") },
  { "f", N_("Female") },
  { "approve", N_("Approve") },
  { "reject", N_("Reject") },
  { "defer", N_("Defer") },
  { "continue", N_("Continue the programme") },
  { "modify_programme", N_("Modify the programme") },
  { "release_to_guardian", N_("Release to the guardian") },
  { "transfer", N_("Transfer") },
  { "aftercare", N_("Aftercare") },
  { "refer_to_court", N_("Refer to the court") },
  { "abstain", N_("Abstain") },
  { "draft", N_("In preparation") },
  { "convened", N_("In session") },
  { "closed", N_("Closed") },
  { "present", N_("Present") },
  { "absent", N_("Absent") },
  { "excused", N_("Excused") },
  { "clerk", N_("Clerk") },
  { "chair", N_("Chair") },
  { "signatory", N_("Signatory") },
  { "admin", N_("Administrator") },
  { "member", N_("Member") },
  { "rapporteur", N_("Rapporteur") },
  { "secretary", N_("Secretary") },
  { "clerk", N_("Clerk") },
  { "signatory", N_("Signatory") },
  { "admin", N_("Administrator") },
  { "social_worker", N_("Social worker") },
  { "psychologist", N_("Psychologist") },
  { "lawyer", N_("Lawyer") },
  { "official", N_("Official") },
  { "guest", N_("Guest") },
  { "waiting", N_("Complete, waiting") },
  { "review_due", N_("Periodic review due") },
  { "pretrial", N_("Awaiting trial") },
  { "sentenced", N_("Sentenced") },
  { "protective", N_("Protective placement") },
  { "theft", N_("Theft") },
  { "assault", N_("Assault") },
  { "drugs", N_("Drug offence") },
  { "vandalism", N_("Vandalism") },
  { "fighting", N_("Fighting") },
  { "robbery", N_("Robbery") },
  { "fraud", N_("Fraud") },
  { "education", N_("Education") },
  { "vocational", N_("Vocational training") },
  { "counselling", N_("Counselling") },
  { "family", N_("Family") },
  { "health", N_("Health") },
  { "behaviour", N_("Behaviour") },
  { "other", N_("Other") },
  { "open", N_("Not started") },
  { "in_progress", N_("In progress") },
  { "achieved", N_("Achieved") },
  { "not_achieved", N_("Not achieved") },
  { "dropped", N_("Dropped") },
  { "plan.add", N_("added a goal to the case plan") },
  { "plan.review", N_("reviewed a goal of the case plan") },
  { "file", N_("File") },
  { "libyan_party", N_("Libyan party") },
  { "foreign_party", N_("Foreign party") },
  { "same_person", N_("Same person") },
  { "confirmed", N_("Confirmed by a clerk") },
  { "national_number", N_("Same national number") },
  { "passport_number", N_("Same passport") },
  { "name_birth_date", N_("Similar name, same birth date") },
  { "case.create", N_("registered the file") },
  { "case.update", N_("changed the file") },
  { "case.status", N_("moved the file to its next step") },
  { "case.open", N_("opened the file") },
  { "case.export", N_("exported the file as a PDF") },
  { "ruling.print", N_("printed the ruling") },
  { "write.insert", N_("added a record") },
  { "write.update", N_("changed a record") },
  { "write.delete", N_("removed a record") },
  { "document.attach", N_("attached a document") },
  { "report.create", N_("began a report") },
  { "report.save", N_("saved a report’s draft") },
  { "report.discard", N_("discarded a report’s draft") },
  { "report.submit", N_("submitted a report") },
  { "report.correct", N_("began a correction of a report") },
  { "report.lock", N_("marked a report reviewed") },
  { "report.export", N_("exported a report as a PDF") },
  { "document.open", N_("opened a document") },
  { "document.export", N_("saved a copy of a document") },
  { "person.duplicate_verdict", N_("decided whether two people are the same") },
  { "meeting.create", N_("prepared a meeting") },
  { "meeting.date", N_("changed a meeting’s date") },
  { "meeting.convened", N_("opened a meeting’s session") },
  { "meeting.closed", N_("closed a meeting") },
  { "meeting.minutes", N_("printed a meeting’s minutes") },
  { "decision.record", N_("recorded a decision") },
  { "decision.correct", N_("corrected a decision") },
  { "ruling.issue", N_("issued a ruling") },
  { "ruling.correct", N_("corrected a ruling") },
  { "ruling.seal", N_("sealed a ruling") },
  { "ruling.sign", N_("signed a ruling") },
  { "seal_key.rotate", N_("renewed the rulings’ seal") },
  { "user.add", N_("added a person") },
  { "user.rename", N_("changed a person’s name") },
  { "user.end_role", N_("ended a person’s role") },
  { "user.active", N_("turned a person’s account on or off") },
  { "user.password", N_("set a person’s password") },
  { "committee.add", N_("added a committee") },
  { "committee.edit", N_("changed a committee’s settings") },
  { "demo_fill", N_("filled in demonstration data") },
  { "scan", N_("Scanned") },
  { "import", N_("Imported from a file") },
  { "report", N_("Written in Lajna") },
  { "satisfied", N_("On file") },
  { "missing", N_("Missing") },
  { "expired", N_("Expired") },
};

/**
 * lajna_case_statuses:
 *
 * Returns: (transfer none): the status codes in workflow order
 */
const char * const *
lajna_case_statuses (void)
{
  return statuses;
}

/**
 * lajna_label_for:
 * @code: a code stored in the database
 *
 * Returns: (transfer none): its translated label, or @code itself when it
 *   has none
 */
const char *
lajna_label_for (const char *code)
{
  if (code == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (labels[i].code, code) == 0)
        return _(labels[i].label);
    }
  return code;
}

/**
 * lajna_label_list:
 * @codes: codes separated by commas, as a list field holds them
 *   ("education,vocational"), or written as a JSON array, as the file's
 *   history holds them
 *
 * Returns: (transfer full): their labels, separated as a sentence
 *   separates them
 */
char *
lajna_label_list (const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *code = g_strstrip (g_strdelimit (parts[i], "[]\"", ' '));

      if (*code != '\0')
        g_strv_builder_add (builder, lajna_label_for (code));
    }
  list = g_strv_builder_end (builder);
  /* Translators: between the items of a list, as in “Education, Counselling”. */
  return g_strjoinv (C_("list separator", ", "), list);
}

/**
 * lajna_party_label:
 * @role: "libyan_party", "foreign_party" or "juvenile"
 *
 * Returns: the translated name of a party of a file, as a heading
 */
const char *
lajna_party_label (const char *role)
{
  if (strcmp (role, "libyan_party") == 0)
    return _("Libyan party");
  if (strcmp (role, "foreign_party") == 0)
    return _("Foreign party");
  return C_("party", "Juvenile");
}
