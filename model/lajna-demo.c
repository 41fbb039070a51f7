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
  Committee         *committees;
  guint              n_committees;
  GArray            *persons;
  Case              *cases;
  guint              n_cases;
  GArray            *meetings;
  guint32           *rulings;
  guint              n_rulings, n_agenda, n_decisions;
  gint64             person_base, case_base, meeting_base, agenda_base, decision_base,
                     ruling_base;
  gboolean           fast;
  char              *dates;
  int                ref_weekday;
  GString           *buf, *s[6];
  GPtrArray         *restore;
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
  guint n = g_strv_length ((char **) list);

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
 * s a string (%NULL for SQL NULL), b a gboolean, d a day, D a day or
 * NO_DAY, T a day and the minutes after midnight (Libya keeps UTC+2). */
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
        case 'D':
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
