/* lajna-demo-rows.c: the demo's rows, in COPY text format.
 *
 * Each table's rows are formatted from the model as they are sent, so that
 * a million files need no buffer of a million rows. A file's cosmetic
 * details (phone digits, court numbers…) are hashed from its salt, so that
 * every table sees the same values. case_file.title and search_text are
 * written here exactly as lajna_case_refresh_search() would compute them,
 * since the triggers that keep them are off during the load.
 */

#include "lajna-demo-private.h"

#include "lajna-db-private.h"

#include <stdarg.h>
#include <string.h>

static const char *const status_names[] = {
  "registered", "documents_pending", "complete", "scheduled", "decided", "deferred",
  "ruling_issued", "signed", "delivered"
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == N_STATUSES);

static const char *
from_list (const char *const *list, guint32 r)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return n > 0 ? list[r % n] : "";
}

/* A file's pick from a weighted table, the same wherever it is asked for. */
static const LajnaDemoChoice *
pick (LajnaDemoTable table, const Case *c, guint field)
{
  return lajna_demo_choice (table, lajna_demo_choose (table, lajna_demo_mix (c->salt, field)));
}

/* Registered in the morning; the last change later that day or on its own day. */
static guint
created_minutes (const Case *c)
{
  return 8 * 60 + lajna_demo_mix (c->salt, F_CREATED) % 300;
}

static guint
changed_minutes (const Case *c)
{
  if (c->n_steps == 1)
    return created_minutes (c);
  if (c->changed == c->received)
    return created_minutes (c) + 1;
  return 9 * 60 + lajna_demo_mix (c->salt, F_UPDATED) % 420;
}

/* COPY text format: a tab after every field, escapes for what would end one. */

static void
put_text (GString *out, const char *s)
{
  lajna_db_copy_append_text (out, s);
  g_string_append_c (out, '\t');
}

static void
put_int (GString *out, gint64 v)
{
  char digits[24];
  int n = 0;
  guint64 u = v < 0 ? -(guint64) v : (guint64) v;

  do
    digits[n++] = (char) ('0' + u % 10);
  while ((u /= 10) > 0);
  if (v < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
  g_string_append_c (out, '\t');
}

/* Appends one row. @format has a letter per column: i a gint64, n an int,
 * s a string (%NULL for SQL NULL), d a day (NO_DAY for SQL
 * NULL), T a day and the minutes after midnight (Libya keeps UTC+2). */
static void
put_row (const Demo *d, GString *out, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  for (const char *f = format; *f != '\0'; f++)
    {
      const char *s;
      gint day;
      guint minutes;

      switch (*f)
        {
        case 'i':
          put_int (out, va_arg (args, gint64));
          break;
        case 'n':
          put_int (out, va_arg (args, int));
          break;
        case 's':
          s = va_arg (args, const char *);
          if (s != NULL)
            put_text (out, s);
          else
            g_string_append_len (out, "\\N\t", 3);
          break;
        case 'd':
          day = va_arg (args, gint);
          if (day == NO_DAY)
            g_string_append_len (out, "\\N", 2);
          else
            g_string_append_len (out, lajna_demo_date_of (d, day), DATE_LEN - 1);
          g_string_append_c (out, '\t');
          break;
        case 'T':
          day = va_arg (args, gint);
          minutes = va_arg (args, guint);
          g_string_append_len (out, lajna_demo_date_of (d, day), DATE_LEN - 1);
          g_string_append_printf (out, " %02u:%02u:00+02\t", minutes / 60 % 24, minutes % 60);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);
  out->str[out->len - 1] = '\n';
}

/* title and search_text, as lajna_case_refresh_search() computes them
 * (tests/test-case-list.c holds every demo file to it). */

/* lajna_words(): the non-empty parts, one space apart. */
static void
words_add (GString *out, const char *s)
{
  if (*s == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, s);
}

static GString *
scratch (Demo *d, guint k)
{
  return g_string_truncate (d->s[k], 0);
}

/* 12 digits: 1 for a man or 2 for a woman, the birth year, then a serial
 * that a bijection of the person id keeps unique. */
static void
national_number (const Demo *d, guint32 i, char out[16])
{
  guint64 serial = ((guint64) (d->person_base + i) % 10000000 * 3141593 + 2718281) % 10000000;

  g_snprintf (out, 16, "%c%04d%07u", lajna_demo_person (d, i)->sex == 'm' ? '1' : '2',
              lajna_demo_year_of (d, lajna_demo_person (d, i)->birth), (guint) serial);
}

/* A party's words: full name and Latin name. Identity numbers are not
 * in the search text (0014-names-and-numbers.sql): whoever reads a file's
 * row reads it, members too. */
static void
add_party_words (Demo *d, guint32 i, GString *out)
{
  const LajnaDemoPerson *p = lajna_demo_person (d, i);

  lajna_demo_person_full_name (p, scratch (d, 5));
  words_add (out, d->s[5]->str);
  lajna_demo_person_latin_name (p, scratch (d, 5));
  words_add (out, d->s[5]->str);
}

static void
append_guardian (const Demo *d, const Case *c, GString *out)
{
  lajna_demo_guardian_name (lajna_demo_person (d, c->party),
                            lajna_demo_choose (LAJNA_DEMO_GUARDIANS,
                                               lajna_demo_mix (c->salt, F_GUARDIAN)),
                            lajna_demo_mix (c->salt, F_GUARDIAN_NAME), out);
}

static void
append_court_number (const Demo *d, const Case *c, GString *out)
{
  g_string_append_printf (out, "%u/%d", 1 + lajna_demo_mix (c->salt, F_COURT_NUMBER) % 900,
                          lajna_demo_year_of (d, c->received));
}

/* Rows. Each writer appends the rows of one item of the model, if any. */

static void
write_person (Demo *d, guint i, GString *out)
{
  const LajnaDemoPerson *p = lajna_demo_person (d, i);
  char national[16], passport[16], sex[2] = { p->sex, '\0' };

  for (guint k = 0; k < 4; k++)
    lajna_demo_person_name_part (p, k, scratch (d, k));
  lajna_demo_person_latin_name (p, scratch (d, 4));
  if (p->country == 0)
    national_number (d, i, national);
  if (p->has_passport)
    lajna_demo_person_passport (p, passport);
  put_row (d, out, "issssssdsssd", d->person_base + i, d->s[0]->str, d->s[1]->str,
           d->s[2]->str, d->s[3]->str, d->s[4]->str, sex, (gint) p->birth,
           d->countries[p->country].code,
           p->country == 0 ? national : NULL, p->has_passport ? passport : NULL,
           p->has_passport ? (gint) p->passport_expiry : NO_DAY);
}

static void
write_case (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];
  const Committee *com = lajna_demo_committee_of (d, c);
  GString *number = scratch (d, 0), *title = scratch (d, 1), *search = scratch (d, 2);

  g_string_append_printf (number, "%s/%d/%05u", com->prefix,
                          lajna_demo_year_of (d, c->received), c->seq);
  words_add (search, number->str);
  lajna_demo_person_full_name (lajna_demo_person (d, c->party), title);
  add_party_words (d, c->party, search);
  if (com->juvenile)
    {
      append_guardian (d, c, scratch (d, 3));
      words_add (search, d->s[3]->str);
      append_court_number (d, c, scratch (d, 3));
      words_add (search, d->s[3]->str);
    }
  else
    {
      g_string_append (title, " - ");
      lajna_demo_person_latin_name (lajna_demo_person (d, c->other), scratch (d, 3));
      if (d->s[3]->len == 0)
        lajna_demo_person_full_name (lajna_demo_person (d, c->other), d->s[3]);
      g_string_append (title, d->s[3]->str);
      add_party_words (d, c->other, search);
    }
  put_row (d, out, "iisssdsnTTss", d->case_base + i, com->id, com->def->kind, number->str,
           status_names[c->status], (gint) c->received, pick (LAJNA_DEMO_NOTES, c, F_NOTE)->text,
           (int) c->n_steps, (gint) c->received, created_minutes (c), (gint) c->changed,
           changed_minutes (c), title->str, search->str);
}

static void
write_marriage (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];
  const Committee *com = lajna_demo_committee_of (d, c);

  if (com->juvenile)
    return;
  put_row (d, out, "iiisns", d->case_base + i, d->person_base + c->party,
           d->person_base + c->other,
           lajna_demo_person (d, c->party)->sex == 'm' ? "libyan_man" : "libyan_woman",
           (int) c->previous_marriages,
           from_list (com->def->residences, lajna_demo_mix (c->salt, F_RESIDENCE)));
}

/* Open files are reviewed a cycle after the last decision, or after intake. */
static gint
next_review (const Demo *d, const Case *c)
{
  if (!(c->flags & HAS_DECISION))
    return c->received + (gint) lajna_demo_review_cycle (c);
  return lajna_demo_outcome_of (d, c)->stays_open
           ? lajna_demo_meeting_of (d, c)->day + (gint) lajna_demo_review_cycle (c)
           : NO_DAY;
}

static void
write_juvenile (Demo *d, guint i, GString *out)
{
  static const char *const programmes[] = {
    "{education}", "{vocational}", "{counselling}", "{education,vocational}",
    "{education,counselling}", "{vocational,counselling}", "{education,vocational,counselling}"
  };
  const Case *c = &d->cases[i];
  const Committee *com = lajna_demo_committee_of (d, c);
  const char *legal = pick (LAJNA_DEMO_LEGAL_STATUSES, c, F_LEGAL)->code;
  char phone[16];

  if (!com->juvenile)
    return;
  g_snprintf (phone, sizeof phone, "09%c%07u", "1245"[lajna_demo_mix (c->salt, F_PHONE) % 4],
              lajna_demo_mix (c->salt, F_PHONE) / 4 % 10000000);
  append_guardian (d, c, scratch (d, 0));
  append_court_number (d, c, scratch (d, 1));
  put_row (d, out, "iissssdsssssiind", d->case_base + i, d->person_base + c->party,
           d->s[0]->str, pick (LAJNA_DEMO_GUARDIANS, c, F_GUARDIAN)->text, phone,
           from_list (com->def->facilities, lajna_demo_mix (c->salt, F_FACILITY)),
           (gint) c->received - (gint) (lajna_demo_mix (c->salt, F_ADMISSION) % 30),
           from_list (com->def->courts, lajna_demo_mix (c->salt, F_COURT)), d->s[1]->str,
           /* A protective placement is not for an offence. */
           strcmp (legal, "protective") == 0 ? "" : pick (LAJNA_DEMO_CHARGES, c, F_CHARGE)->code,
           legal,
           programmes[lajna_demo_mix (c->salt, F_PROGRAMME) % G_N_ELEMENTS (programmes)],
           com->users[FIRST_SOCIAL_WORKER
                      + lajna_demo_mix (c->salt, F_SOCIAL_WORKER) % N_SOCIAL_WORKERS],
           com->users[FIRST_PSYCHOLOGIST
                      + lajna_demo_mix (c->salt, F_PSYCHOLOGIST) % N_PSYCHOLOGISTS],
           (int) lajna_demo_review_cycle (c), next_review (d, c));
}

/* The registration and the last change. */
static void
write_history (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];
  const Committee *com = lajna_demo_committee_of (d, c);
  const char *clerk = com->logins[FIRST_CLERK + lajna_demo_mix (c->salt, F_CLERK) % N_CLERKS];

  put_row (d, out, "iiTsss", d->history_base + c->history, d->case_base + i,
           (gint) c->received, created_minutes (c), clerk, NULL, status_names[ST_REGISTERED]);
  if (c->n_steps > 1)
    put_row (d, out, "iiTsss", d->history_base + c->history + 1, d->case_base + i,
             (gint) c->changed, changed_minutes (c), clerk, status_names[c->from_status],
             status_names[c->status]);
}

static void
write_meeting (Demo *d, guint i, GString *out)
{
  const Meeting *m = &g_array_index (d->meetings, Meeting, i);
  const Committee *com = &d->committees[m->committee];
  gboolean first_upcoming = m->day >= 0 && (i == com->first_meeting || m[-1].day < 0);

  put_row (d, out, "iinnsds", d->meeting_base + i, com->id, lajna_demo_year_of (d, m->day),
           (int) m->number, com->def->place, (gint) m->day,
           m->day < 0 ? "closed" : first_upcoming ? "convened" : "draft");
}

static void
write_attendance (Demo *d, guint i, GString *out)
{
  const Meeting *m = &g_array_index (d->meetings, Meeting, i);

  for (guint s = 0; s < N_MEMBERS; s++)
    put_row (d, out, "iiss", d->meeting_base + i, d->committees[m->committee].users[s],
             (m->present >> s & 1) ? "present" : (m->number + s) % 3 == 0 ? "absent" : "excused",
             s == 0 ? "chair" : "member");
  /* A clerk keeps the minutes as the meeting's secretary. */
  put_row (d, out, "iiss", d->meeting_base + i,
           d->committees[m->committee].users[FIRST_CLERK + m->number % N_CLERKS], "present",
           "secretary");
}

static void
write_agenda (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];

  if (c->flags & HAS_AGENDA)
    put_row (d, out, "iini", d->agenda_base + c->agenda, d->meeting_base + c->meeting,
             (int) c->position, d->case_base + i);
}

/* Members vote on the decision taken; now and then one or two dissent. */
static void
write_votes (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];
  const Meeting *m;
  const char *majority, *dissent;
  guint32 r = lajna_demo_mix (c->salt, F_DISSENT);
  guint n_dissent;
  gboolean rejected;

  if (!(c->flags & HAS_DECISION) || strcmp (lajna_demo_outcome_of (d, c)->code, "defer") == 0)
    return;
  m = lajna_demo_meeting_of (d, c);
  n_dissent = MIN (r % 100 < 80 ? 0 : r % 100 < 96 ? 1 : 2, (m->n_present - 1u) / 2);
  rejected = strcmp (lajna_demo_outcome_of (d, c)->code, "reject") == 0;
  majority = rejected ? "reject" : "approve";
  dissent = (r >> 16) & 1 ? "abstain" : rejected ? "approve" : "reject";
  for (guint s = 0; s < N_MEMBERS; s++)
    {
      gboolean dissents = s > 0 && (s + (r >> 8)) % (N_MEMBERS - 1) < n_dissent;

      /* Each member enters their own vote. */
      if (m->present >> s & 1)
        put_row (d, out, "iissTs", d->agenda_base + c->agenda, d->committees[c->committee].users[s],
                 dissents ? dissent : majority,
                 strcmp (dissents ? dissent : majority, "reject") == 0 ? lajna_demo_dissent () : "",
                 (gint) m->day, 10 * 60 + c->position % 360, d->committees[c->committee].logins[s]);
    }
}

/* What a deferred marriage still lacks, among what its facts require. */
static void
append_missing (const Demo *d, const Case *c, GString *out)
{
  const char *candidates[8] = { "police_clearance", "medical_certificate", "family_book_extract" };
  guint n = 3, first;
  guint32 r = lajna_demo_mix (c->salt, F_MISSING);

  if (!d->countries[lajna_demo_person (d, c->other)->country].arab)
    {
      candidates[n++] = "security_clearance";
      candidates[n++] = "embassy_no_objection";
    }
  if (lajna_demo_person (d, c->party)->sex == 'f')
    candidates[n++] = "guardian_consent";
  if (c->previous_marriages > 0)
    candidates[n++] = "divorce_certificate";
  first = r % n;
  g_string_append_printf (out, "{%s", candidates[first]);
  if ((r >> 16) % 3 == 0)
    g_string_append_printf (out, ",%s", candidates[(first + 1 + (r >> 8) % (n - 1)) % n]);
  g_string_append_c (out, '}');
}

static void
write_decision (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];
  const LajnaDemoChoice *outcome;
  GString *codes = scratch (d, 0), *reasons = scratch (d, 1), *missing = scratch (d, 2);

  if (!(c->flags & HAS_DECISION))
    return;
  outcome = lajna_demo_outcome_of (d, c);
  g_string_append (missing, "{}");
  if (outcome->extra != NULL)
    {
      g_string_append (codes, outcome->extra);
      g_string_append (reasons, outcome->text);
    }
  else
    {
      /* A rejection gives one or two reasons. */
      guint32 r = lajna_demo_mix (c->salt, F_REASONS);
      guint a = lajna_demo_choose (LAJNA_DEMO_REJECT_REASONS, r);
      guint b = lajna_demo_choose (LAJNA_DEMO_REJECT_REASONS, r >> 12);
      const LajnaDemoChoice *x = lajna_demo_choice (LAJNA_DEMO_REJECT_REASONS, a);
      const LajnaDemoChoice *y = lajna_demo_choice (LAJNA_DEMO_REJECT_REASONS, b);

      g_string_append_printf (codes, "{%s", x->code);
      g_string_append (reasons, x->text);
      if (a != b)
        {
          g_string_append_printf (codes, ",%s", y->code);
          g_string_append_printf (reasons, "؛ %s", y->text);
        }
      g_string_append_c (codes, '}');
    }
  if (strcmp (outcome->code, "defer") == 0)
    append_missing (d, c, g_string_truncate (missing, 0));
  put_row (d, out, "iiissssdd", d->decision_base + c->decision, d->case_base + i,
           d->agenda_base + c->agenda, outcome->code, codes->str, reasons->str, missing->str,
           lajna_demo_committee_of (d, c)->juvenile ? next_review (d, c) : NO_DAY,
           (gint) lajna_demo_meeting_of (d, c)->day);
}

static void
write_ruling (Demo *d, guint k, GString *out)
{
  const Case *c = &d->cases[d->rulings[k]];

  put_row (d, out, "iiinnd", d->ruling_base + k, d->decision_base + c->decision,
           lajna_demo_committee_of (d, c)->id, lajna_demo_year_of (d, c->issued),
           (int) c->ruling_number, (gint) c->issued);
}

static void
write_signature (Demo *d, guint k, GString *out)
{
  const Case *c = &d->cases[d->rulings[k]];

  if (c->flags & HAS_SIGNATURE)
    put_row (d, out, "iiTs", d->ruling_base + k, lajna_demo_committee_of (d, c)->users[0],
             (gint) c->signed_on, 12 * 60 + c->ruling_number % 240, "handwritten");
}

/* In the order foreign keys need; weights are rough seconds per million files. */
static const Copy copies[] = {
  { "People", "person", "id, name, father_name, grandfather_name, family_name, latin_name, sex, "
    "birth_date, nationality, national_number, passport_number, passport_expiry",
    ITEMS_PERSONS, write_person, 30 },
  { "Files", "case_file", "id, committee_id, kind, file_number, status, received_on, notes, "
    "row_version, created_at, updated_at, title, search_text", ITEMS_CASES, write_case, 25 },
  { "Files", "marriage_case", "case_id, libyan_party_id, foreign_party_id, direction, "
    "previous_marriages, residence", ITEMS_CASES, write_marriage, 1 },
  { "Files", "juvenile_case", "case_id, juvenile_id, guardian_name, guardian_relation, "
    "guardian_phone, facility, admission_date, court, court_case_number, charge_category, "
    "legal_status, programme, social_worker_id, psychologist_id, review_cycle_days, "
    "next_review_on", ITEMS_CASES, write_juvenile, 1.5 },
  { "History", "case_history", "id, case_id, at, actor, from_status, to_status",
    ITEMS_CASES, write_history, 2.5 },
  { "Meetings", "meeting", "id, committee_id, year, number, place, held_on, state",
    ITEMS_MEETINGS, write_meeting, 0.1 },
  { "Meetings", "attendance", "meeting_id, user_id, status, role",
    ITEMS_MEETINGS, write_attendance, 0.1 },
  { "Meetings", "agenda_item", "id, meeting_id, position, case_id", ITEMS_CASES, write_agenda, 0.5 },
  { "Votes", "vote", "agenda_item_id, user_id, choice, reasons, cast_at, entered_by",
    ITEMS_CASES, write_votes, 4 },
  { "Decisions", "decision", "id, case_id, agenda_item_id, outcome, reason_codes, reasons, "
    "missing_types, next_review_on, decided_on", ITEMS_CASES, write_decision, 2 },
  { "Rulings", "ruling", "id, decision_id, committee_id, year, number, issued_on",
    ITEMS_RULINGS, write_ruling, 1 },
  { "Rulings", "signature", "ruling_id, user_id, signed_at, method",
    ITEMS_RULINGS, write_signature, 1 },
};

/* The tables to COPY, in the order foreign keys need. */
const Copy *
lajna_demo_copies (guint *n_copies)
{
  *n_copies = G_N_ELEMENTS (copies);
  return copies;
}
