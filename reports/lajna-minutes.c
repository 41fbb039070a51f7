/* lajna-minutes.c: the minutes of a meeting (محضر اجتماع) as an Arabic PDF:
 * the committee, the meeting's number, day, hour and place; who attended
 * and the quorum; every agenda item with its votes, the count, and the
 * decision with its reasons; corrections made after closing, each beside
 * what it corrects; lines for the chair and the secretary to sign.
 *
 * Minutes are an official Arabic record: their wording is the committee's,
 * in Arabic whatever the interface's language, like a ruling's template;
 * it is not an interface string. */

#include "lajna-minutes.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lajna-meeting-actions.h"
#include "lajna-pdf-writer.h"
#include "lajna-text.h"

static const struct
{
  const char *code;
  const char *words;
} arabic[] = {
  { "chair", "رئيس اللجنة" }, { "member", "عضو" }, { "rapporteur", "مقرر اللجنة" },
  { "secretary", "أمين السر" }, { "guest", "مدعو" },
  { "present", "حاضر" }, { "absent", "غائب" }, { "excused", "معتذر" },
  { "approve", "موافق" }, { "reject", "غير موافق" }, { "abstain", "ممتنع" },
  { "draft", "قيد الإعداد" }, { "convened", "منعقد" }, { "closed", "مغلق" },
  { "marriage", "زواج مختلط" }, { "juvenile", "أحداث" },
};

/**
 * lajna_minutes_words:
 * @code: a role, an attendance, a vote, a meeting's state or a file's kind
 *
 * Returns: (nullable): the Arabic words the minutes print for @code, or
 *   %NULL when they have none
 */
const char *
lajna_minutes_words (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (arabic); i++)
    if (g_strcmp0 (arabic[i].code, code) == 0)
      return arabic[i].words;
  return NULL;
}

static const char *
words_for (const char *code)
{
  const char *words = lajna_minutes_words (code);

  return words != NULL ? words : code;
}

static char *
isolated_int (int value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  return lajna_isolate (text);
}

static void
add_attendance (LajnaPdfWriter     *writer,
                const LajnaMeeting *meeting)
{
  const LajnaQuorum *q = &meeting->quorum;
  g_autofree char *present = isolated_int (q->present);
  g_autofree char *members = isolated_int (q->members);
  g_autofree char *needed = isolated_int (q->needed);
  g_autofree char *statement = NULL;

  lajna_pdf_writer_add_heading (writer, "الحضور");
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      const LajnaAttendee *a = g_ptr_array_index (meeting->attendees, i);
      g_autoptr(GString) value = g_string_new (NULL);

      g_string_append_printf (value, "%s — %s", words_for (a->role), words_for (a->status));
      if (a->was_status != NULL)
        g_string_append_printf (value, " (تصحيح بعد إغلاق المحضر: كان «%s»، والسبب: %s)",
                                words_for (a->was_status), a->correction_reason);
      lajna_pdf_writer_add_fact (writer, a->full_name, value->str);
    }
  statement = g_strdup_printf ("حضر %s من أعضاء اللجنة البالغ عددهم %s، والنصاب المطلوب %s%s؛ %s",
                               present, members, needed,
                               meeting->quorum_needs_chair ? " بحضور الرئيس" : "",
                               q->met ? "وبذلك يكون النصاب القانوني مكتملًا."
                                      : "ولم يكتمل النصاب القانوني.");
  lajna_pdf_writer_add_paragraph (writer, statement);
}

static void
add_votes (LajnaPdfWriter        *writer,
           const LajnaAgendaItem *item)
{
  int counts[3] = { 0 };
  static const char * const choices[] = { "approve", "reject", "abstain" };
  g_autofree char *approve = NULL, *reject = NULL, *abstain = NULL, *tally = NULL;

  if (item->votes->len == 0)
    {
      lajna_pdf_writer_add_paragraph (writer, "لم تُسجَّل أصوات في هذا البند.");
      return;
    }
  for (guint i = 0; i < item->votes->len; i++)
    {
      const LajnaVote *v = g_ptr_array_index (item->votes, i);
      g_autoptr(GString) value = g_string_new (words_for (v->choice));

      if (v->reasons[0] != '\0')
        g_string_append_printf (value, "، والأسباب: %s", v->reasons);
      if (v->corrects != 0)
        g_string_append_printf (value, " (تصحيح بعد إغلاق المحضر، والسبب: %s)",
                                v->correction_reason);
      if (!v->in_force)
        g_string_append (value, " (صُحِّح لاحقًا)");
      lajna_pdf_writer_add_fact (writer, v->full_name, value->str);
      for (guint c = 0; c < G_N_ELEMENTS (choices) && v->in_force; c++)
        if (strcmp (v->choice, choices[c]) == 0)
          counts[c]++;
    }
  approve = isolated_int (counts[0]);
  reject = isolated_int (counts[1]);
  abstain = isolated_int (counts[2]);
  tally = g_strdup_printf ("نتيجة التصويت: موافق %s، غير موافق %s، ممتنع %s.", approve, reject,
                           abstain);
  lajna_pdf_writer_add_paragraph (writer, tally);
}

static char *
join_lines (char **lines)
{
  return g_strjoinv ("، ", lines);
}

static void
add_decision (LajnaPdfWriter      *writer,
              const LajnaDecision *d)
{
  g_autoptr(GString) outcome = g_string_new (d->outcome_label);

  if (d->corrects != 0)
    g_string_append_printf (outcome, " (تصحيح بعد إغلاق المحضر، والسبب: %s)",
                            d->correction_reason);
  if (!d->in_force)
    g_string_append (outcome, " (صُحِّح لاحقًا)");
  lajna_pdf_writer_add_fact (writer, "القرار", outcome->str);
  if (d->reason_labels[0] != NULL)
    {
      g_autofree char *reasons = join_lines (d->reason_labels);

      lajna_pdf_writer_add_fact (writer, "الأسباب", reasons);
    }
  if (d->reasons[0] != '\0')
    lajna_pdf_writer_add_fact (writer, "بيان الأسباب", d->reasons);
  if (d->missing_labels[0] != NULL)
    {
      g_autofree char *missing = join_lines (d->missing_labels);

      lajna_pdf_writer_add_fact (writer, "المستندات المطلوب استكمالها", missing);
    }
  if (d->next_review_on != NULL)
    lajna_pdf_writer_add_fact (writer, "موعد المراجعة القادمة", d->next_review_on);
}

static void
add_items (LajnaPdfWriter     *writer,
           const LajnaMeeting *meeting)
{
  g_autofree char *count = isolated_int ((int) meeting->items->len);
  g_autofree char *heading = g_strdup_printf ("جدول الأعمال (%s)", count);

  lajna_pdf_writer_add_heading (writer, heading);
  if (meeting->items->len == 0)
    lajna_pdf_writer_add_paragraph (writer, "لم يتضمن جدول الأعمال أي ملف.");
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const LajnaAgendaItem *item = g_ptr_array_index (meeting->items, i);
      g_autofree char *position = isolated_int (item->position);
      g_autofree char *number = lajna_isolate (item->file_number);
      g_autofree char *title = g_strdup_printf ("البند (%s): الملف رقم %s", position, number);

      lajna_pdf_writer_add_heading (writer, title);
      lajna_pdf_writer_add_fact (writer, "الأطراف", item->title);
      lajna_pdf_writer_add_fact (writer, "نوع الملف", words_for (item->kind));
      add_votes (writer, item);
      if (item->decisions->len == 0)
        lajna_pdf_writer_add_paragraph (writer, "لم يُتخذ قرار في هذا البند.");
      for (guint d = 0; d < item->decisions->len; d++)
        add_decision (writer, g_ptr_array_index (item->decisions, d));
    }
}

/* The names of whoever holds @role on the meeting's list, or a blank to
 * write one in. */
static char *
dup_name_of (const LajnaMeeting *meeting,
             const char         *role)
{
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      const LajnaAttendee *a = g_ptr_array_index (meeting->attendees, i);

      if (strcmp (a->role, role) == 0)
        return g_strdup (a->full_name);
    }
  return g_strdup ("……………………");
}

/**
 * lajna_minutes_lay_out:
 * @meeting: a meeting read in Arabic (lajna_meeting_load())
 *
 * Returns: (transfer full): the minutes, ready to be written
 */
LajnaPdfWriter *
lajna_minutes_lay_out (const LajnaMeeting *meeting)
{
  g_autofree char *number = isolated_int (meeting->number);
  g_autofree char *year = isolated_int (meeting->year);
  g_autofree char *title = g_strdup_printf ("محضر اجتماع %s", meeting->committee_name);
  g_autofree char *subtitle = g_strdup_printf ("الاجتماع رقم (%s) لسنة %s", number, year);
  g_autofree char *chair = dup_name_of (meeting, "chair");
  g_autofree char *secretary = dup_name_of (meeting, "secretary");
  LajnaPdfWriter *writer = lajna_pdf_writer_new (title);

  lajna_pdf_writer_set_arabic (writer, TRUE);
  lajna_pdf_writer_add_title (writer, title);
  lajna_pdf_writer_add_paragraph (writer, subtitle);
  lajna_pdf_writer_add_fact (writer, "اللجنة", meeting->committee_name);
  lajna_pdf_writer_add_fact (writer, "التاريخ", meeting->held_on);
  if (meeting->starts_at != NULL)
    lajna_pdf_writer_add_fact (writer, "الساعة", meeting->starts_at);
  if (meeting->place[0] != '\0')
    lajna_pdf_writer_add_fact (writer, "المكان", meeting->place);
  lajna_pdf_writer_add_fact (writer, "حالة المحضر", words_for (meeting->state));
  if (meeting->closed_at != NULL)
    lajna_pdf_writer_add_fact (writer, "أُغلق في", meeting->closed_at);
  add_attendance (writer, meeting);
  add_items (writer, meeting);
  lajna_pdf_writer_add_signatures (writer,
                                   (const char * const[]) { "رئيس اللجنة", "أمين السر", NULL },
                                   (const char * const[]) { chair, secretary, NULL });
  return writer;
}

typedef struct
{
  LajnaDb *db;
  gint64   meeting_id;
} Printed;

static gboolean
record_print (gpointer   data,
              GError   **error)
{
  Printed *printed = data;

  return lajna_meeting_record_minutes (printed->db, printed->meeting_id, error);
}

/**
 * lajna_minutes_export:
 * @db: a connection, as the person printing
 * @meeting_id: the meeting
 * @path: the PDF to write
 * @error: return location for a #GError
 *
 * Writes the minutes; the printing is recorded in the audit trail, and
 * when it cannot be, nothing is left at @path.
 *
 * Returns: whether the PDF was written and recorded
 */
gboolean
lajna_minutes_export (LajnaDb     *db,
                      gint64       meeting_id,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(LajnaMeeting) meeting = lajna_meeting_load (db, meeting_id, TRUE, error);
  g_autoptr(LajnaPdfWriter) writer = NULL;
  Printed printed = { db, meeting_id };

  if (meeting == NULL)
    return FALSE;
  writer = lajna_minutes_lay_out (meeting);
  return lajna_pdf_writer_write_recorded (writer, path, record_print, &printed, error);
}
