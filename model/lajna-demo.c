/* lajna-demo.c: realistic demo data for both kinds of committee.
 *
 * The data is first decided in a compact model in memory (who the parties
 * are, how far each file got, which meeting took it up) and then streamed
 * table by table with COPY, each row formatted from the model as it goes,
 * so a million files need no buffer of a million rows. One GRand seeded by
 * the caller decides everything; a file's cosmetic details (phone digits,
 * court numbers…) are hashed from a salt drawn from it, so the model need
 * not store them and every table sees the same values.
 *
 * Into empty tables the load is a bulk load: indexes, keys and foreign keys
 * are dropped and rebuilt from their own catalog definitions, and COPY
 * FREEZE writes rows that need no vacuum. Either way the per-row triggers
 * that keep case_file.title and search_text are off during the load, and
 * this file computes both exactly as lajna_case_refresh_search() would.
 */

#include "lajna-demo.h"

#include "lajna-demo-names.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Dates are days relative to 2026-11-20, so that a seed gives the same data
 * on whatever day it runs. */
#define REF_YEAR      2026
#define REF_MONTH     11
#define REF_DAY       20
#define SPAN_DAYS     1095
#define UPCOMING_DAYS 21
#define FIRST_DAY     (-25000)
#define LAST_DAY      4000
#define NO_DAY        G_MININT
#define DATE_LEN      11
#define FIRST_YEAR    (REF_YEAR - 3)
#define N_YEARS       4
#define N_MEMBERS     5
#define QUORUM        3
#define NO_INDEX      G_MAXUINT32
#define CHUNK_BYTES   (1 << 20)
#define AGENDA_TARGET 40

static const char *const bulk_tables[] = {
  "person", "case_file", "marriage_case", "juvenile_case", "case_history", "meeting",
  "attendance", "agenda_item", "vote", "decision", "ruling", "signature", NULL
};

typedef enum
{
  ST_REGISTERED, ST_PENDING, ST_COMPLETE, ST_SCHEDULED, ST_DECIDED, ST_DEFERRED,
  ST_RULING_ISSUED, ST_SIGNED, ST_DELIVERED
} Status;

static const char *const status_names[] = {
  "registered", "documents_pending", "complete", "scheduled", "decided", "deferred",
  "ruling_issued", "signed", "delivered"
};

/* The first N_MEMBERS slots sit and vote, the chair first. */
enum { FIRST_CLERK = 5, N_CLERKS = 2, FIRST_SOCIAL_WORKER = 7, N_SOCIAL_WORKERS = 4,
       FIRST_PSYCHOLOGIST = 11, N_PSYCHOLOGISTS = 2, N_SLOTS = 13 };

static const struct
{
  const char *login;
  const char *profession;
  const char *roles[2];
  gboolean    juvenile_only;
} user_slots[] = {
  { "chair", "official", { "chair", "signatory" } }, { "member1", "lawyer", { "member" } },
  { "member2", "social_worker", { "member" } }, { "member3", "official", { "member" } },
  { "member4", "", { "member" } }, { "clerk1", "", { "clerk" } }, { "clerk2", "", { "clerk" } },
  { "sw1", "social_worker", { NULL }, TRUE }, { "sw2", "social_worker", { NULL }, TRUE },
  { "sw3", "social_worker", { NULL }, TRUE }, { "sw4", "social_worker", { NULL }, TRUE },
  { "psy1", "psychologist", { NULL }, TRUE }, { "psy2", "psychologist", { NULL }, TRUE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (user_slots) == N_SLOTS);

/* What a file's salt decides, each from its own hash of the salt. */
enum { F_PHONE, F_COURT_NUMBER, F_FACILITY, F_COURT, F_CHARGE, F_LEGAL, F_PROGRAMME,
       F_SOCIAL_WORKER, F_PSYCHOLOGIST, F_CYCLE, F_GUARDIAN, F_GUARDIAN_NAME, F_RESIDENCE,
       F_NOTE, F_CREATED, F_UPDATED, F_CLERK, F_DISSENT, F_REASONS, F_MISSING, F_ADMISSION };

enum { HAS_AGENDA = 1 << 0, HAS_DECISION = 1 << 1, HAS_RULING = 1 << 2, HAS_SIGNATURE = 1 << 3 };

typedef struct
{
  guint32 party;          /* the Libyan party, or the juvenile */
  guint32 other;          /* the foreign party of a marriage */
  guint32 salt;
  guint32 seq;            /* file number within its prefix and year */
  guint32 meeting;
  guint32 position;
  guint32 history;        /* the first of its history rows */
  guint32 agenda;
  guint32 decision;
  guint32 ruling_number;
  gint16  received, changed, issued, signed_on;
  guint8  committee, status, from_status, n_steps, outcome, flags, previous_marriages;
} Case;

typedef struct
{
  gint16  day;
  guint8  committee;
  guint8  present;        /* bit k: member slot k attended */
  guint8  n_present;
  guint32 number;
  guint32 n_agenda;
} Meeting;

typedef struct
{
  const LajnaDemoCommittee *def;
  gboolean                  juvenile;
  gint64                    id;
  char                     *prefix;
  gint64                    users[N_SLOTS];
  char                     *logins[N_SLOTS];
  guint                     first_meeting, n_meetings;
  guint32                   file_seq[N_YEARS], meeting_seq[N_YEARS];
  guint32                   ruling_seq[N_YEARS], ruling_start[N_YEARS];
} Committee;

typedef struct
{
  LajnaDb           *db;
  GRand             *rand;
  LajnaDemoProgress  progress;
  gpointer           user_data;
  double             done, total;
  const LajnaDemoCountry *countries;
  Committee         *committees;
  guint              n_committees;
  GArray            *persons;
  Case              *cases;
  guint              n_cases;
  GArray            *meetings;
  guint32           *rulings;
  guint              n_rulings, n_agenda, n_decisions, n_history;
  gint64             person_base, case_base, history_base, meeting_base, agenda_base,
                     decision_base, ruling_base;
  gboolean           fast;
  char              *dates;
  int                ref_weekday;
  GString           *buf, *s[6];
  GPtrArray         *restore;
  char              *table_list;     /* bulk_tables, for LOCK, TRUNCATE, ANALYZE */
  char              *table_array;    /* … and as an array literal for the catalog */
} Demo;

static void
demo_free (Demo *d)
{
  for (guint k = 0; k < d->n_committees; k++)
    {
      g_free (d->committees[k].prefix);
      for (guint s = 0; s < N_SLOTS; s++)
        g_free (d->committees[k].logins[s]);
    }
  for (guint k = 0; k < G_N_ELEMENTS (d->s); k++)
    g_string_free (d->s[k], TRUE);
  g_string_free (d->buf, TRUE);
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_pointer (&d->persons, g_array_unref);
  g_clear_pointer (&d->meetings, g_array_unref);
  g_clear_pointer (&d->restore, g_ptr_array_unref);
  g_free (d->committees);
  g_free (d->cases);
  g_free (d->rulings);
  g_free (d->dates);
  g_free (d->table_list);
  g_free (d->table_array);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

static guint32
mix (guint32 salt, guint32 field)
{
  guint32 h = salt ^ ((field + 1) * 0x9E3779B9u);

  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  return h ^ (h >> 16);
}

static gint
between (GRand *rand, gint lo, gint hi)
{
  return g_rand_int_range (rand, lo, hi + 1);
}

static gboolean
chance (GRand *rand, double p)
{
  return g_rand_double (rand) < p;
}

static const char *
from_list (const char *const *list, guint32 r)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return n > 0 ? list[r % n] : "";
}

static const char *
date_of (const Demo *d, gint day)
{
  return d->dates + (gsize) (day - FIRST_DAY) * DATE_LEN;
}

static int
year_of (const Demo *d, gint day)
{
  return atoi (date_of (d, day));
}

/* The Libyan weekend is Friday and Saturday. */
static gboolean
is_working_day (const Demo *d, gint day)
{
  int weekday = ((d->ref_weekday - 1 + day) % 7 + 7) % 7 + 1;

  return weekday != G_DATE_FRIDAY && weekday != G_DATE_SATURDAY;
}

static void
make_dates (Demo *d)
{
  GDate date;

  d->dates = g_malloc ((gsize) (LAST_DAY - FIRST_DAY + 1) * DATE_LEN);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, REF_DAY, REF_MONTH, REF_YEAR);
  d->ref_weekday = g_date_get_weekday (&date);
  g_date_subtract_days (&date, -FIRST_DAY);
  for (gint day = FIRST_DAY; day <= LAST_DAY; day++, g_date_add_days (&date, 1))
    g_snprintf (d->dates + (gsize) (day - FIRST_DAY) * DATE_LEN, DATE_LEN, "%04d-%02d-%02d",
                g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static LajnaDemoPerson *
person (const Demo *d, guint32 i)
{
  return &g_array_index (d->persons, LajnaDemoPerson, i);
}

static const Committee *
committee_of (const Demo *d, const Case *c)
{
  return &d->committees[c->committee];
}

static const Meeting *
meeting_of (const Demo *d, const Case *c)
{
  return &g_array_index (d->meetings, Meeting, c->meeting);
}

static const LajnaDemoChoice *
outcome_of (const Demo *d, const Case *c)
{
  return lajna_demo_choice (committee_of (d, c)->juvenile ? LAJNA_DEMO_JUVENILE_OUTCOMES
                                                          : LAJNA_DEMO_MARRIAGE_OUTCOMES,
                            c->outcome);
}

/* A file's pick from a weighted table, the same wherever it is asked for. */
static const LajnaDemoChoice *
pick (LajnaDemoTable table, const Case *c, guint field)
{
  return lajna_demo_choice (table, lajna_demo_choose (table, mix (c->salt, field)));
}

/* Registered in the morning; the last change later that day or on its own day. */
static guint
created_minutes (const Case *c)
{
  return 8 * 60 + mix (c->salt, F_CREATED) % 300;
}

static guint
changed_minutes (const Case *c)
{
  if (c->n_steps == 1)
    return created_minutes (c);
  if (c->changed == c->received)
    return created_minutes (c) + 1;
  return 9 * 60 + mix (c->salt, F_UPDATED) % 420;
}

static guint
review_cycle (const Case *c)
{
  static const guint cycles[] = { 90, 90, 90, 90, 90, 90, 60, 60, 60, 180 };

  return cycles[mix (c->salt, F_CYCLE) % G_N_ELEMENTS (cycles)];
}

/* COPY text format: a tab after every field, escapes for what would end one. */

static void
put_text (GString *out, const char *s)
{
  while (*s != '\0')
    {
      gsize run = strcspn (s, "\\\t\n\r");

      g_string_append_len (out, s, run);
      s += run;
      if (*s == '\0')
        break;
      g_string_append_c (out, '\\');
      g_string_append_c (out, *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : '\\');
      s++;
    }
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
 * s a string (%NULL for SQL NULL), b a gboolean, d a day (NO_DAY for SQL
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
        case 'b':
          g_string_append (out, va_arg (args, gboolean) ? "t\t" : "f\t");
          break;
        case 'd':
          day = va_arg (args, gint);
          if (day == NO_DAY)
            g_string_append_len (out, "\\N", 2);
          else
            g_string_append_len (out, date_of (d, day), DATE_LEN - 1);
          g_string_append_c (out, '\t');
          break;
        case 'T':
          day = va_arg (args, gint);
          minutes = va_arg (args, guint);
          g_string_append_len (out, date_of (d, day), DATE_LEN - 1);
          g_string_append_printf (out, " %02u:%02u:00+02\t", minutes / 60 % 24, minutes % 60);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);
  out->str[out->len - 1] = '\n';
}

/* title and search_text, as lajna_case_refresh_search() computes them. */

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

  g_snprintf (out, 16, "%c%04d%07u", person (d, i)->sex == 'm' ? '1' : '2',
              year_of (d, person (d, i)->birth), (guint) serial);
}

/* A party's words: full name, Latin name, national and passport number. */
static void
add_party_words (Demo *d, guint32 i, GString *out)
{
  const LajnaDemoPerson *p = person (d, i);
  char number[16];

  lajna_demo_person_full_name (p, scratch (d, 5));
  words_add (out, d->s[5]->str);
  lajna_demo_person_latin_name (p, scratch (d, 5));
  words_add (out, d->s[5]->str);
  if (p->country == 0)
    {
      national_number (d, i, number);
      words_add (out, number);
    }
  if (p->has_passport)
    {
      lajna_demo_person_passport (p, number);
      words_add (out, number);
    }
}

static void
append_guardian (const Demo *d, const Case *c, GString *out)
{
  lajna_demo_guardian_name (person (d, c->party),
                            lajna_demo_choose (LAJNA_DEMO_GUARDIANS, mix (c->salt, F_GUARDIAN)),
                            mix (c->salt, F_GUARDIAN_NAME), out);
}

static void
append_court_number (const Demo *d, const Case *c, GString *out)
{
  g_string_append_printf (out, "%u/%d", 1 + mix (c->salt, F_COURT_NUMBER) % 900,
                          year_of (d, c->received));
}

/* The model: people, meetings, files. */

static guint32
add_person (Demo *d, guint country, char sex, gint birth, gboolean passport)
{
  LajnaDemoPerson p;

  lajna_demo_person_init (&p, d->rand, country, sex);
  p.birth = birth;
  p.has_passport = passport;
  p.passport_expiry = between (d->rand, -300, 3300);
  g_array_append_val (d->persons, p);
  return d->persons->len - 1;
}

static gint
birth_for_age (Demo *d, gint age)
{
  return -(age * 365 + age / 4) - between (d->rand, 0, 364);
}

/* Some people come back: a Libyan party applies again, a minor is placed again. */
static guint32
returning_party (Demo *d, guint idx, gboolean juvenile, double p)
{
  guint j;

  if (idx == 0 || !chance (d->rand, p))
    return NO_INDEX;
  j = g_rand_int_range (d->rand, 0, idx);
  return d->committees[d->cases[j].committee].juvenile == juvenile ? d->cases[j].party : NO_INDEX;
}

static void
make_parties (Demo *d, Case *c, guint idx)
{
  gboolean juvenile = committee_of (d, c)->juvenile;
  char sex;

  c->party = returning_party (d, idx, juvenile, juvenile ? 0.08 : 0.025);
  if (juvenile)
    {
      /* 12 to 17 years old on the reference date. */
      if (c->party == NO_INDEX)
        c->party = add_person (d, 0, chance (d->rand, 0.9) ? 'm' : 'f',
                               -between (d->rand, 4383, 6573), chance (d->rand, 0.03));
      return;
    }
  if (c->party == NO_INDEX)
    {
      sex = chance (d->rand, 0.75) ? 'm' : 'f';
      c->party = add_person (d, 0, sex,
                             birth_for_age (d, sex == 'm' ? between (d->rand, 24, 58)
                                                          : between (d->rand, 20, 45)),
                             chance (d->rand, 0.6));
    }
  sex = person (d, c->party)->sex == 'm' ? 'f' : 'm';
  c->other = add_person (d, lajna_demo_pick_country (sex == 'm', g_rand_int (d->rand)), sex,
                         birth_for_age (d, sex == 'f' ? between (d->rand, 19, 42)
                                                      : between (d->rand, 24, 55)),
                         TRUE);
  c->previous_marriages = chance (d->rand, 0.8) ? 0 : chance (d->rand, 0.75) ? 1 : 2;
}

/* Committees meet on working days, often enough that an agenda holds
 * about AGENDA_TARGET files, and at least every second week. */
static void
make_meetings (Demo *d)
{
  for (guint k = 0; k < d->n_committees; k++)
    {
      Committee *com = &d->committees[k];
      double files = MAX (d->n_cases * com->def->share, 1);
      guint interval = CLAMP ((guint) (SPAN_DAYS * 5.0 / 7 * AGENDA_TARGET / files), 1, 10);
      guint workday = k;

      com->first_meeting = d->meetings->len;
      for (gint day = -SPAN_DAYS - 14; day <= UPCOMING_DAYS; day++)
        {
          Meeting m = { day, k };

          if (!is_working_day (d, day) || workday++ % interval != 0)
            continue;
          m.number = ++com->meeting_seq[year_of (d, day) - FIRST_YEAR];
          for (guint s = 0; s < N_MEMBERS; s++)
            /* Who will come to a meeting still ahead is not known yet. */
            if (day >= 0 || chance (d->rand, s == 0 ? 0.95 : 0.88))
              {
                m.present |= 1 << s;
                m.n_present++;
              }
          if (m.n_present < QUORUM)
            {
              m.present = (1 << N_MEMBERS) - 1;
              m.n_present = N_MEMBERS;
            }
          g_array_append_val (d->meetings, m);
        }
      com->n_meetings = d->meetings->len - com->first_meeting;
    }
}

static guint32
meeting_after (const Demo *d, const Committee *com, gint day)
{
  guint lo = com->first_meeting, hi = com->first_meeting + com->n_meetings;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (d->meetings, Meeting, mid).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < com->first_meeting + com->n_meetings ? lo : NO_INDEX;
}

typedef struct
{
  gint   day;
  Status status;
} Step;

static void
add_step (Step *steps, guint *n, Status status, gint day)
{
  steps[*n].status = status;
  steps[(*n)++].day = day;
}

static void
add_outcome_steps (Demo *d, Case *c, Step *steps, guint *n, gint day)
{
  LajnaDemoTable table = committee_of (d, c)->juvenile ? LAJNA_DEMO_JUVENILE_OUTCOMES
                                                       : LAJNA_DEMO_MARRIAGE_OUTCOMES;
  gint t;

  /* A minor whose review is long past has left since: old decisions that
   * keep the file open give way to ones that close it. */
  do
    c->outcome = lajna_demo_choose (table, g_rand_int (d->rand));
  while (outcome_of (d, c)->stays_open && day + (gint) review_cycle (c) < -30);

  if (strcmp (outcome_of (d, c)->code, "defer") == 0)
    {
      add_step (steps, n, ST_DEFERRED, day);
      /* Some applicants never bring what is missing. */
      if (chance (d->rand, 0.7))
        add_step (steps, n, ST_PENDING, day + between (d->rand, 20, 90));
      return;
    }
  add_step (steps, n, ST_DECIDED, day);
  add_step (steps, n, ST_RULING_ISSUED, t = day + between (d->rand, 3, 25));
  add_step (steps, n, ST_SIGNED, t += between (d->rand, 1, 7));
  add_step (steps, n, ST_DELIVERED, t + between (d->rand, 2, 20));
}

/* Keeps the steps reached by the reference date and what they imply. */
static void
keep_reached (Demo *d, Case *c, Step *steps, guint n)
{
  guint reached;
  Status last;

  for (reached = 0; reached < n && steps[reached].day <= 0; reached++)
    ;
  last = steps[reached - 1].status;
  /* A juvenile file whose periodic review fell due goes back to complete. */
  if (committee_of (d, c)->juvenile && (last == ST_DECIDED || last == ST_DELIVERED)
      && outcome_of (d, c)->stays_open)
    {
      gint review = meeting_of (d, c)->day + (gint) review_cycle (c);

      if (review <= 0 && review >= steps[reached - 1].day)
        add_step (steps, &reached, ST_COMPLETE, review);
    }
  c->n_steps = reached;
  c->status = steps[reached - 1].status;
  c->from_status = reached > 1 ? steps[reached - 2].status : ST_REGISTERED;
  c->changed = steps[reached - 1].day;
  for (guint k = 0; k < reached; k++)
    {
      static const guint8 flags[] = { [ST_SCHEDULED] = HAS_AGENDA, [ST_DECIDED] = HAS_DECISION,
                                      [ST_DEFERRED] = HAS_DECISION, [ST_RULING_ISSUED] = HAS_RULING,
                                      [ST_SIGNED] = HAS_SIGNATURE, [ST_DELIVERED] = 0 };

      c->flags |= flags[steps[k].status];
      if (steps[k].status == ST_RULING_ISSUED)
        c->issued = steps[k].day;
      if (steps[k].status == ST_SIGNED)
        c->signed_on = steps[k].day;
    }
}

/* Walks a file along registered → … → delivered with realistic delays. */
static void
walk_file (Demo *d, Case *c)
{
  Step steps[12];
  guint n = 0;
  gint t = c->received;

  c->flags = 0;
  c->meeting = NO_INDEX;
  add_step (steps, &n, ST_REGISTERED, t);
  if (chance (d->rand, 0.65))
    {
      add_step (steps, &n, ST_PENDING, t += between (d->rand, 1, 10));
      /* Some files never get their documents together. */
      if (chance (d->rand, 0.04))
        {
          keep_reached (d, c, steps, n);
          return;
        }
      t += between (d->rand, 3, 40);
    }
  else
    t += between (d->rand, 2, 10);
  add_step (steps, &n, ST_COMPLETE, t);
  t += between (d->rand, 2, 15);
  c->meeting = meeting_after (d, committee_of (d, c), t + 2);
  if (c->meeting != NO_INDEX)
    {
      add_step (steps, &n, ST_SCHEDULED, t);
      if (meeting_of (d, c)->day < 0)
        add_outcome_steps (d, c, steps, &n, meeting_of (d, c)->day);
    }
  keep_reached (d, c, steps, n);
}

/* Offices are closed at the weekend; a file that comes then waits. */
static gint
working_day_before (const Demo *d, gint day)
{
  while (!is_working_day (d, day))
    day--;
  return day;
}

/* Even a small demo shows every status: where one is missing, a recent file
 * whose status others share is walked again until it lands there. */
static void
cover_statuses (Demo *d)
{
  guint count[G_N_ELEMENTS (status_names)] = { 0 };

  for (guint i = 0; i < d->n_cases; i++)
    count[d->cases[i].status]++;
  for (guint s = 0; s < G_N_ELEMENTS (status_names); s++)
    for (guint i = d->n_cases; i-- > 0 && i + 100 > d->n_cases && count[s] == 0;)
      {
        Case *c = &d->cases[i];

        if (count[c->status] < 2 || (s == ST_DEFERRED && committee_of (d, c)->juvenile))
          continue;
        count[c->status]--;
        for (guint tries = 0; tries < 1000 && c->status != s; tries++)
          {
            c->received = working_day_before (d, -between (d->rand, 1, 150));
            walk_file (d, c);
          }
        count[c->status]++;
      }
}

/* Files arrive evenly over the span, each to a committee by its share. */
static void
make_cases (Demo *d)
{
  for (guint i = 0; i < d->n_cases; i++)
    {
      Case *c = &d->cases[i];
      double r = g_rand_double (d->rand);

      c->received = working_day_before (d, -SPAN_DAYS + (gint) ((gint64) i * SPAN_DAYS / d->n_cases));
      c->salt = g_rand_int (d->rand);
      for (c->committee = 0; c->committee + 1u < d->n_committees; c->committee++)
        if ((r -= d->committees[c->committee].def->share) < 0)
          break;
      make_parties (d, c, i);
      walk_file (d, c);
    }
  cover_statuses (d);
  for (guint i = 0; i < d->n_cases; i++)
    {
      Case *c = &d->cases[i];
      Committee *com = &d->committees[c->committee];

      c->seq = ++com->file_seq[year_of (d, c->received) - FIRST_YEAR];
      c->history = d->n_history;
      d->n_history += c->n_steps > 1 ? 2 : 1;
      if (c->flags & HAS_AGENDA)
        {
          c->position = ++g_array_index (d->meetings, Meeting, c->meeting).n_agenda;
          c->agenda = d->n_agenda++;
        }
      if (c->flags & HAS_DECISION)
        c->decision = d->n_decisions++;
      if (c->flags & HAS_RULING)
        d->n_rulings++;
    }
}

static gint
compare_rulings (gconstpointer a, gconstpointer b, gpointer data)
{
  const Demo *d = data;
  guint32 i = *(const guint32 *) a, j = *(const guint32 *) b;
  const Case *x = &d->cases[i], *y = &d->cases[j];

  if (x->committee != y->committee)
    return x->committee - y->committee;
  if (x->issued != y->issued)
    return x->issued - y->issued;
  return i < j ? -1 : i > j;
}

/* Ruling numbers run without gaps per committee and year, in issue order. */
static void
number_rulings (Demo *d)
{
  guint k = 0;

  d->rulings = g_new (guint32, MAX (d->n_rulings, 1));
  for (guint i = 0; i < d->n_cases; i++)
    if (d->cases[i].flags & HAS_RULING)
      d->rulings[k++] = i;
  g_qsort_with_data (d->rulings, d->n_rulings, sizeof (guint32), compare_rulings, d);
  for (k = 0; k < d->n_rulings; k++)
    {
      Case *c = &d->cases[d->rulings[k]];
      Committee *com = &d->committees[c->committee];

      c->ruling_number = ++com->ruling_seq[year_of (d, c->issued) - FIRST_YEAR];
    }
}

/* Rows. Each writer appends the rows of one item of the model, if any. */

static void
write_person (Demo *d, guint i, GString *out)
{
  const LajnaDemoPerson *p = person (d, i);
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
  const Committee *com = committee_of (d, c);
  GString *number = scratch (d, 0), *title = scratch (d, 1), *search = scratch (d, 2);

  g_string_append_printf (number, "%s/%d/%05u", com->prefix, year_of (d, c->received), c->seq);
  words_add (search, number->str);
  lajna_demo_person_full_name (person (d, c->party), title);
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
      lajna_demo_person_latin_name (person (d, c->other), scratch (d, 3));
      if (d->s[3]->len == 0)
        lajna_demo_person_full_name (person (d, c->other), d->s[3]);
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
  const Committee *com = committee_of (d, c);

  if (com->juvenile)
    return;
  put_row (d, out, "iiisns", d->case_base + i, d->person_base + c->party,
           d->person_base + c->other,
           person (d, c->party)->sex == 'm' ? "libyan_man" : "libyan_woman",
           (int) c->previous_marriages, from_list (com->def->residences, mix (c->salt, F_RESIDENCE)));
}

/* Open files are reviewed a cycle after the last decision, or after intake. */
static gint
next_review (const Demo *d, const Case *c)
{
  if (!(c->flags & HAS_DECISION))
    return c->received + (gint) review_cycle (c);
  return outcome_of (d, c)->stays_open ? meeting_of (d, c)->day + (gint) review_cycle (c) : NO_DAY;
}

static void
write_juvenile (Demo *d, guint i, GString *out)
{
  static const char *const programmes[] = {
    "{education}", "{vocational}", "{counselling}", "{education,vocational}",
    "{education,counselling}", "{vocational,counselling}", "{education,vocational,counselling}"
  };
  const Case *c = &d->cases[i];
  const Committee *com = committee_of (d, c);
  const char *legal = pick (LAJNA_DEMO_LEGAL_STATUSES, c, F_LEGAL)->code;
  char phone[16];

  if (!com->juvenile)
    return;
  g_snprintf (phone, sizeof phone, "09%c%07u", "1245"[mix (c->salt, F_PHONE) % 4],
              mix (c->salt, F_PHONE) / 4 % 10000000);
  append_guardian (d, c, scratch (d, 0));
  append_court_number (d, c, scratch (d, 1));
  put_row (d, out, "iissssdsssssiind", d->case_base + i, d->person_base + c->party,
           d->s[0]->str, pick (LAJNA_DEMO_GUARDIANS, c, F_GUARDIAN)->text, phone, from_list (com->def->facilities, mix (c->salt, F_FACILITY)),
           (gint) c->received - (gint) (mix (c->salt, F_ADMISSION) % 30),
           from_list (com->def->courts, mix (c->salt, F_COURT)), d->s[1]->str,
           /* A protective placement is not for an offence. */
           strcmp (legal, "protective") == 0 ? "" : pick (LAJNA_DEMO_CHARGES, c, F_CHARGE)->code,
           legal,
           programmes[mix (c->salt, F_PROGRAMME) % G_N_ELEMENTS (programmes)],
           com->users[FIRST_SOCIAL_WORKER + mix (c->salt, F_SOCIAL_WORKER) % N_SOCIAL_WORKERS],
           com->users[FIRST_PSYCHOLOGIST + mix (c->salt, F_PSYCHOLOGIST) % N_PSYCHOLOGISTS],
           (int) review_cycle (c), next_review (d, c));
}

/* The registration and the last change. */
static void
write_history (Demo *d, guint i, GString *out)
{
  const Case *c = &d->cases[i];
  const Committee *com = committee_of (d, c);
  const char *clerk = com->logins[FIRST_CLERK + mix (c->salt, F_CLERK) % N_CLERKS];

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

  put_row (d, out, "iinnsds", d->meeting_base + i, com->id, year_of (d, m->day), (int) m->number,
           com->def->place, (gint) m->day,
           m->day < 0 ? "closed" : first_upcoming ? "convened" : "draft");
}

static void
write_attendance (Demo *d, guint i, GString *out)
{
  const Meeting *m = &g_array_index (d->meetings, Meeting, i);

  for (guint s = 0; s < N_MEMBERS; s++)
    put_row (d, out, "iibs", d->meeting_base + i, d->committees[m->committee].users[s],
             (m->present >> s & 1) != 0, s == 0 ? "chair" : "member");
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
  guint32 r = mix (c->salt, F_DISSENT);
  guint n_dissent;
  gboolean rejected;

  if (!(c->flags & HAS_DECISION) || strcmp (outcome_of (d, c)->code, "defer") == 0)
    return;
  m = meeting_of (d, c);
  n_dissent = MIN (r % 100 < 80 ? 0 : r % 100 < 96 ? 1 : 2, (m->n_present - 1u) / 2);
  rejected = strcmp (outcome_of (d, c)->code, "reject") == 0;
  majority = rejected ? "reject" : "approve";
  dissent = (r >> 16) & 1 ? "abstain" : rejected ? "approve" : "reject";
  for (guint s = 0; s < N_MEMBERS; s++)
    {
      gboolean dissents = s > 0 && (s + (r >> 8)) % (N_MEMBERS - 1) < n_dissent;

      if (m->present >> s & 1)
        put_row (d, out, "iissT", d->agenda_base + c->agenda, d->committees[c->committee].users[s],
                 dissents ? dissent : majority,
                 dissents && strcmp (dissent, "reject") == 0 ? lajna_demo_dissent () : "",
                 (gint) m->day, 10 * 60 + c->position % 360);
    }
}

/* What a deferred marriage still lacks, among what its facts require. */
static void
append_missing (const Demo *d, const Case *c, GString *out)
{
  const char *candidates[8] = { "police_clearance", "medical_certificate", "family_book_extract" };
  guint n = 3, first;
  guint32 r = mix (c->salt, F_MISSING);

  if (!d->countries[person (d, c->other)->country].arab)
    {
      candidates[n++] = "security_clearance";
      candidates[n++] = "embassy_no_objection";
    }
  if (person (d, c->party)->sex == 'f')
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
  outcome = outcome_of (d, c);
  g_string_append (missing, "{}");
  if (outcome->extra != NULL)
    {
      g_string_append (codes, outcome->extra);
      g_string_append (reasons, outcome->text);
    }
  else
    {
      /* A rejection gives one or two reasons. */
      guint32 r = mix (c->salt, F_REASONS);
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
           committee_of (d, c)->juvenile ? next_review (d, c) : NO_DAY, (gint) meeting_of (d, c)->day);
}

static void
write_ruling (Demo *d, guint k, GString *out)
{
  const Case *c = &d->cases[d->rulings[k]];

  put_row (d, out, "iiinnd", d->ruling_base + k, d->decision_base + c->decision,
           committee_of (d, c)->id, year_of (d, c->issued), (int) c->ruling_number, (gint) c->issued);
}

static void
write_signature (Demo *d, guint k, GString *out)
{
  const Case *c = &d->cases[d->rulings[k]];

  if (c->flags & HAS_SIGNATURE)
    put_row (d, out, "iiTs", d->ruling_base + k, committee_of (d, c)->users[0], (gint) c->signed_on,
             12 * 60 + c->ruling_number % 240, "handwritten");
}

/* Talking to the server. */

typedef enum { ITEMS_PERSONS, ITEMS_CASES, ITEMS_MEETINGS, ITEMS_RULINGS } Items;

/* In the order foreign keys need; weights are rough seconds per million files. */
static const struct
{
  const char *stage;
  const char *table;
  const char *columns;
  Items       items;
  void      (*write) (Demo *d, guint i, GString *out);
  double      weight;
} copies[] = {
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
  { "Meetings", "attendance", "meeting_id, user_id, present, role",
    ITEMS_MEETINGS, write_attendance, 0.1 },
  { "Meetings", "agenda_item", "id, meeting_id, position, case_id", ITEMS_CASES, write_agenda, 0.5 },
  { "Votes", "vote", "agenda_item_id, user_id, choice, reasons, cast_at",
    ITEMS_CASES, write_votes, 4 },
  { "Decisions", "decision", "id, case_id, agenda_item_id, outcome, reason_codes, reasons, "
    "missing_types, next_review_on, decided_on", ITEMS_CASES, write_decision, 2 },
  { "Rulings", "ruling", "id, decision_id, committee_id, year, number, issued_on",
    ITEMS_RULINGS, write_ruling, 1 },
  { "Rulings", "signature", "ruling_id, user_id, signed_at, method",
    ITEMS_RULINGS, write_signature, 1 },
};

#define WEIGHT_PREPARE 1
#define WEIGHT_RESTORE 65
#define WEIGHT_ANALYZE 2

static void
report (Demo *d, const char *stage, double weight, double fraction)
{
  if (d->progress != NULL)
    d->progress (stage, MIN ((d->done + weight * fraction) / d->total, 1.0), d->user_data);
  if (fraction >= 1.0)
    d->done += weight;
}

static gboolean
run (Demo *d, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
run (Demo *d, GError **error, const char *format, ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return lajna_db_run (d->db, sql, error);
}

/* Runs @sql and gives the first column of its first row as an integer. */
static gboolean
query_int (Demo *d, const char *sql, int n, const char * const *values, gint64 *out,
           GError **error)
{
  g_autoptr(PGresult) result = lajna_db_exec_params (d->db, sql, n, values, error);

  if (result == NULL)
    return FALSE;
  *out = PQntuples (result) > 0 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  return TRUE;
}

static gboolean
setup_committee (Demo *d, Committee *com, GError **error)
{
  const LajnaDemoCommittee *def = com->def;
  const char *values[] = { def->code, def->kind, def->name_ar, def->name_en, def->branch,
                           def->city, def->letterhead, def->file_prefix };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *id = NULL;

  result = lajna_db_exec_params (d->db,
    "WITH ins AS (INSERT INTO committee (code, kind, name_ar, name_en, branch, city, quorum, "
    "                                    letterhead, file_prefix)"
    "             VALUES ($1, $2, $3, $4, $5, $6, 3, $7, $8)"
    "             ON CONFLICT (code) DO NOTHING RETURNING id, file_prefix)"
    "SELECT id, file_prefix FROM ins"
    " UNION ALL SELECT id, file_prefix FROM committee WHERE code = $1 LIMIT 1",
    G_N_ELEMENTS (values), values, error);
  if (result == NULL)
    return FALSE;
  com->id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  com->prefix = g_strdup (PQgetvalue (result, 0, 1));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, com->id);
  for (guint s = 0; s < N_SLOTS; s++)
    {
      LajnaDemoPerson p;
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *user = NULL;
      const char *user_values[3];

      /* Drawn even when the user exists, so the rest of the data stays the same. */
      lajna_demo_person_init (&p, d->rand, 0, chance (d->rand, s < FIRST_SOCIAL_WORKER ? 0.2 : 0.5) ? 'f' : 'm');
      if (user_slots[s].juvenile_only && !com->juvenile)
        continue;
      lajna_demo_person_full_name (&p, name);
      com->logins[s] = g_strdup_printf ("%s.%s", def->code, user_slots[s].login);
      user_values[0] = com->logins[s];
      user_values[1] = name->str;
      user_values[2] = user_slots[s].profession;
      if (!query_int (d,
            "WITH ins AS (INSERT INTO app_user (login, full_name, profession)"
            "             VALUES ($1, $2, $3) ON CONFLICT (login) DO NOTHING RETURNING id)"
            "SELECT id FROM ins UNION ALL SELECT id FROM app_user WHERE login = $1 LIMIT 1",
            3, user_values, &com->users[s], error))
        return FALSE;
      user = g_strdup_printf ("%" G_GINT64_FORMAT, com->users[s]);
      for (guint k = 0; k < G_N_ELEMENTS (user_slots[s].roles) && user_slots[s].roles[k]; k++)
        {
          const char *role_values[] = { id, user, user_slots[s].roles[k], date_of (d, -SPAN_DAYS - 30) };
          g_autoptr(PGresult) done = lajna_db_exec_params (d->db,
            "INSERT INTO committee_role (committee_id, user_id, role, since)"
            " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", 4, role_values, error);

          if (done == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

/* Numbers already taken, so that another run continues after them: file
 * numbers by prefix, whichever committee used it, and meeting and ruling
 * numbers by committee and year. One scan each, keyed by the first column. */
static gboolean
load_numbers (Demo *d, GError **error)
{
  static const char *const queries[] = {
    "SELECT split_part(file_number, '/', 1), split_part(file_number, '/', 2)::int,"
    "       max(split_part(file_number, '/', 3)::bigint)"
    "  FROM case_file WHERE file_number ~ '^[^/]+/[0-9]{4}/[0-9]{1,18}$' GROUP BY 1, 2",
    "SELECT committee_id, year, max(number) FROM meeting GROUP BY 1, 2",
    "SELECT committee_id, year, max(n)"
    "  FROM (SELECT committee_id, year, last_number AS n FROM ruling_counter"
    "        UNION ALL SELECT committee_id, year, max(number) FROM ruling GROUP BY 1, 2) AS x"
    " GROUP BY 1, 2",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(PGresult) result = lajna_db_exec (d->db, queries[q], error);

      if (result == NULL)
        return FALSE;
      for (int row = 0; row < PQntuples (result); row++)
        for (guint k = 0; k < d->n_committees; k++)
          {
            Committee *com = &d->committees[k];
            const char *key = PQgetvalue (result, row, 0);
            int year = atoi (PQgetvalue (result, row, 1));
            guint32 *numbers[] = { com->file_seq, com->meeting_seq, com->ruling_seq };

            if ((q == 0 ? strcmp (key, com->prefix) == 0 : g_ascii_strtoll (key, NULL, 10) == com->id)
                && year >= FIRST_YEAR && year < FIRST_YEAR + N_YEARS)
              numbers[q][year - FIRST_YEAR] = atoi (PQgetvalue (result, row, 2));
          }
    }
  for (guint k = 0; k < d->n_committees; k++)
    memcpy (d->committees[k].ruling_start, d->committees[k].ruling_seq,
            sizeof d->committees[k].ruling_seq);
  return TRUE;
}

/* Takes the ids of each table's rows from its identity at once; the table
 * locks keep others from drawing any in between. */
static gboolean
reserve_ids (Demo *d, GError **error)
{
  struct { const char *table; guint n; gint64 *base; } ids[] = {
    { "person", d->persons->len, &d->person_base },
    { "case_file", d->n_cases, &d->case_base },
    { "case_history", d->n_history, &d->history_base },
    { "meeting", d->meetings->len, &d->meeting_base },
    { "agenda_item", d->n_agenda, &d->agenda_base },
    { "decision", d->n_decisions, &d->decision_base },
    { "ruling", d->n_rulings, &d->ruling_base },
  };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autofree char *count = g_strdup_printf ("%u", MAX (ids[k].n, 1));
      const char *values[] = { ids[k].table, count };

      if (!query_int (d,
            "SELECT setval(s, nextval(s) + $2::bigint - 1) - $2::bigint + 1"
            " FROM CAST(pg_get_serial_sequence($1, 'id') AS regclass) AS s",
            2, values, ids[k].base, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs the first column of each row of @sql now and keeps the second to
 * run, in reverse order, once the data is in. */
static gboolean
undo_later (Demo *d, const char *sql, GError **error)
{
  const char *values[] = { d->table_array };
  g_autoptr(PGresult) result = lajna_db_exec_params (d->db, sql, 1, values, error);

  if (result == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (result); row++)
    {
      if (!lajna_db_run (d->db, PQgetvalue (result, row, 0), error))
        return FALSE;
      g_ptr_array_add (d->restore, g_strdup (PQgetvalue (result, row, 1)));
    }
  return TRUE;
}

/* Empty tables are loaded without their indexes and keys, which are built
 * again afterwards from their own definitions: far faster than keeping them
 * up to date row by row. Foreign keys go first and come back last. */
static gboolean
drop_indexes (Demo *d, GError **error)
{
  return undo_later (d,
    "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),"
    "       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname,"
    "              pg_get_constraintdef(oid)), CASE contype WHEN 'f' THEN 0 ELSE 1 END AS o"
    "  FROM pg_constraint"
    " WHERE (contype IN ('p', 'u') AND conrelid = ANY ($1::regclass[]))"
    "    OR (contype = 'f' AND (conrelid = ANY ($1::regclass[]) OR confrelid = ANY ($1::regclass[])))"
    " UNION ALL "
    "SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 2"
    "  FROM pg_index AS i"
    " WHERE i.indrelid = ANY ($1::regclass[])"
    "   AND NOT EXISTS (SELECT FROM pg_constraint AS c"
    "                    WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))"
    " ORDER BY 3", error);
}

/* Per-row triggers would refresh every file's search text as its parties
 * arrive; the load writes it right the first time instead. Each comes back
 * in the mode it had. */
static gboolean
disable_triggers (Demo *d, GError **error)
{
  return undo_later (d,
    "SELECT format('ALTER TABLE %s DISABLE TRIGGER %I', tgrelid::regclass, tgname),"
    "       format('ALTER TABLE %s ENABLE %s TRIGGER %I', tgrelid::regclass,"
    "              CASE tgenabled WHEN 'A' THEN 'ALWAYS' WHEN 'R' THEN 'REPLICA' ELSE '' END,"
    "              tgname)"
    "  FROM pg_trigger WHERE tgrelid = ANY ($1::regclass[]) AND NOT tgisinternal"
    "   AND tgenabled <> 'D'", error);
}

/* Ends a COPY with an error, so that the transaction can roll back. */
static void
abort_copy (Demo *d)
{
  PGconn *conn = lajna_db_get_conn (d->db);
  PGresult *result;

  if (PQputCopyEnd (conn, "demo data could not be sent") == 1)
    while ((result = PQgetResult (conn)) != NULL)
      PQclear (result);
}

static gboolean
copy_table (Demo *d, guint t, GError **error)
{
  guint n = (copies[t].items == ITEMS_PERSONS ? d->persons->len
             : copies[t].items == ITEMS_CASES ? d->n_cases
             : copies[t].items == ITEMS_MEETINGS ? d->meetings->len : d->n_rulings);
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN%s", copies[t].table,
                                          copies[t].columns, d->fast ? " WITH (FREEZE)" : "");

  report (d, copies[t].stage, copies[t].weight, 0.0);
  if (!lajna_db_copy_begin (d->db, sql, error))
    return FALSE;
  g_string_truncate (d->buf, 0);
  for (guint i = 0; i <= n; i++)
    {
      if (i < n)
        copies[t].write (d, i, d->buf);
      if (d->buf->len < CHUNK_BYTES && i < n)
        continue;
      if (!lajna_db_copy_put (d->db, d->buf->str, d->buf->len, error))
        {
          abort_copy (d);
          return FALSE;
        }
      g_string_truncate (d->buf, 0);
      report (d, copies[t].stage, copies[t].weight, n > 0 ? (double) i / n : 1.0);
    }
  return lajna_db_copy_end (d->db, error);
}

static gboolean
save_ruling_counters (Demo *d, GError **error)
{
  for (guint k = 0; k < d->n_committees; k++)
    for (guint y = 0; y < N_YEARS; y++)
      if (d->committees[k].ruling_seq[y] != d->committees[k].ruling_start[y]
          && !run (d, error,
                   "INSERT INTO ruling_counter (committee_id, year, last_number)"
                   " VALUES (%" G_GINT64_FORMAT ", %d, %u) ON CONFLICT (committee_id, year)"
                   " DO UPDATE SET last_number = EXCLUDED.last_number",
                   d->committees[k].id, FIRST_YEAR + y, d->committees[k].ruling_seq[y]))
        return FALSE;
  return TRUE;
}

/* Committees and their users first; then, with the tables locked, the model
 * is made knowing which numbers are taken, and its ids are reserved. */
static gboolean
prepare (Demo *d, GError **error)
{
  g_autofree char *tables = g_strjoinv (") AND NOT EXISTS (SELECT FROM ", (char **) bulk_tables);
  g_autofree char *empty_sql = g_strdup_printf ("SELECT (NOT EXISTS (SELECT FROM %s))::int", tables);
  gint64 empty = 0;

  report (d, "Preparing", WEIGHT_PREPARE, 0.0);
  if (!lajna_db_run (d->db,
                     "SET LOCAL maintenance_work_mem = '512MB';"
                     "SET LOCAL synchronous_commit = off", error))
    return FALSE;
  for (guint k = 0; k < d->n_committees; k++)
    if (!setup_committee (d, &d->committees[k], error))
      return FALSE;
  if (!run (d, error, "LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE", d->table_list)
      || !query_int (d, empty_sql, 0, NULL, &empty, error))
    return FALSE;
  d->fast = empty != 0;
  if (!load_numbers (d, error))
    return FALSE;

  make_meetings (d);
  make_cases (d);
  number_rulings (d);
  return reserve_ids (d, error);
}

static gboolean
load (Demo *d, guint32 seed, GError **error)
{
  g_autofree char *audit = g_strdup_printf ("SELECT lajna_audit('demo_fill', 'database', NULL,"
                                            " jsonb_build_object('cases', %u, 'seed', %u))",
                                            d->n_cases, seed);

  /* FREEZE needs the tables truncated in this transaction; they are empty. */
  if (d->fast && (!drop_indexes (d, error) || !run (d, error, "TRUNCATE %s", d->table_list)))
    return FALSE;
  if (!disable_triggers (d, error))
    return FALSE;
  report (d, "Preparing", WEIGHT_PREPARE, 1.0);

  for (guint t = 0; t < G_N_ELEMENTS (copies); t++)
    if (!copy_table (d, t, error))
      return FALSE;
  if (!save_ruling_counters (d, error))
    return FALSE;

  for (guint k = d->restore->len; k > 0; k--)
    {
      report (d, "Indexing", WEIGHT_RESTORE, 1.0 - (double) k / d->restore->len);
      if (!lajna_db_run (d->db, g_ptr_array_index (d->restore, k - 1), error))
        return FALSE;
    }
  report (d, "Indexing", WEIGHT_RESTORE, 1.0);
  report (d, "Analyzing", WEIGHT_ANALYZE, 0.0);
  if (!lajna_db_run (d->db, audit, error) || !run (d, error, "ANALYZE %s", d->table_list))
    return FALSE;
  report (d, "Analyzing", WEIGHT_ANALYZE, 1.0);
  return TRUE;
}

/**
 * lajna_demo_fill:
 * @db: a connection with no transaction open
 * @n_cases: how many case files to add
 * @seed: the same seed gives the same data
 * @progress: (nullable) (scope call): called now and then with the stage
 *   and the fraction done
 * @user_data: data for @progress
 * @error: return location for a #GError
 *
 * Fills the database with realistic demo data for both kinds of committee:
 * the committees and their members, people, marriage and juvenile files in
 * every status, meetings with attendance, agendas and votes, decisions and
 * rulings numbered without gaps. Files, meetings and rulings already there
 * are kept and numbered after. All of it is one transaction: on error
 * nothing is left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
lajna_demo_fill (LajnaDb            *db,
                 guint               n_cases,
                 guint32             seed,
                 LajnaDemoProgress   progress,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(Demo) d = NULL;
  const LajnaDemoCommittee *defs;
  guint n_countries;

  g_return_val_if_fail (LAJNA_IS_DB (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (PQtransactionStatus (lajna_db_get_conn (db)) != PQTRANS_IDLE)
    {
      g_set_error (error, LAJNA_DB_ERROR, LAJNA_DB_ERROR_FAILED,
                   _("Demo data is loaded in a transaction of its own. Finish the open transaction first."));
      return FALSE;
    }

  d = g_new0 (Demo, 1);
  d->db = db;
  d->countries = lajna_demo_countries (&n_countries);
  d->rand = g_rand_new_with_seed (seed);
  d->progress = progress;
  d->user_data = user_data;
  d->persons = g_array_sized_new (FALSE, FALSE, sizeof (LajnaDemoPerson), n_cases * 8 / 5 + 16);
  d->meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  d->restore = g_ptr_array_new_with_free_func (g_free);
  d->cases = g_new0 (Case, MAX (n_cases, 1));
  d->n_cases = n_cases;
  d->buf = g_string_sized_new (CHUNK_BYTES + 64 * 1024);
  for (guint k = 0; k < G_N_ELEMENTS (d->s); k++)
    d->s[k] = g_string_sized_new (256);
  defs = lajna_demo_committees (&d->n_committees);
  d->committees = g_new0 (Committee, d->n_committees);
  for (guint k = 0; k < d->n_committees; k++)
    {
      d->committees[k].def = &defs[k];
      d->committees[k].juvenile = strcmp (defs[k].kind, "juvenile") == 0;
    }
  make_dates (d);
  d->table_list = g_strjoinv (", ", (char **) bulk_tables);
  d->table_array = g_strdup_printf ("{%s}", d->table_list);
  d->total = WEIGHT_PREPARE + WEIGHT_ANALYZE + WEIGHT_RESTORE;
  for (guint t = 0; t < G_N_ELEMENTS (copies); t++)
    d->total += copies[t].weight;

  if (!lajna_db_run (db, "BEGIN", error))
    return FALSE;
  if (prepare (d, error) && load (d, seed, error))
    return lajna_db_run (db, "COMMIT", error);
  lajna_db_run (db, "ROLLBACK", NULL);
  return FALSE;
}
