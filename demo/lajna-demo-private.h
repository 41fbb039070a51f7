/* lajna-demo-private.h: what the lajna-demo-*.c files share.
 *
 * Not installed and included only by the demo files: the compact model of
 * the demo (committees, meetings, files) that lajna-demo-model.c decides,
 * lajna-demo-rows.c formats and lajna-demo.c loads, with the few helpers all
 * of them read it through. The helpers are inline because the row writers
 * call them for every field of every row.
 */

#pragma once

#include "lajna-demo.h"

#include "lajna-demo-names.h"

#include <stdlib.h>

G_BEGIN_DECLS

/* Dates are days relative to 2026-11-20, so that a seed gives the same data
 * on whatever day it runs. */
#define REF_YEAR      2026
#define REF_MONTH     11
#define REF_DAY       20
#define SPAN_DAYS     1095
#define FIRST_DAY     (-25000)
#define LAST_DAY      4000
#define NO_DAY        G_MININT
#define DATE_LEN      11
#define FIRST_YEAR    (REF_YEAR - 3)
#define N_YEARS       4
#define N_MEMBERS     5
/* Files of each committee waiting for a meeting that get their documents. */
#define DOCUMENTED_FILES 12

typedef enum
{
  ST_REGISTERED, ST_PENDING, ST_COMPLETE, ST_SCHEDULED, ST_DECIDED, ST_DEFERRED,
  ST_RULING_ISSUED, ST_SIGNED, ST_DELIVERED, N_STATUSES
} Status;

/* The first N_MEMBERS slots sit and vote, the chair first. */
enum { FIRST_CLERK = 5, N_CLERKS = 2, FIRST_SOCIAL_WORKER = 7, N_SOCIAL_WORKERS = 4,
       FIRST_PSYCHOLOGIST = 11, N_PSYCHOLOGISTS = 2, N_SLOTS = 13 };

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
  guint32                   file_seq[N_YEARS], file_start[N_YEARS], meeting_seq[N_YEARS];
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


/* One table's COPY: which items of the model its rows come from and how. */
typedef enum { ITEMS_PERSONS, ITEMS_CASES, ITEMS_MEETINGS, ITEMS_RULINGS } Items;

typedef struct
{
  const char *stage;
  const char *table;
  const char *columns;
  Items       items;
  void      (*write) (Demo *d, guint i, GString *out);
  double      weight;
} Copy;

/* Hashes a file's salt into the bits of one of its F_ fields. */
static inline guint32
lajna_demo_mix (guint32 salt, guint32 field)
{
  guint32 h = salt ^ ((field + 1) * 0x9E3779B9u);

  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  return h ^ (h >> 16);
}

/* Whether an event of probability @p happens, drawn from @rand. */
static inline gboolean
lajna_demo_chance (GRand *rand, double p)
{
  return g_rand_double (rand) < p;
}

/* @day as YYYY-MM-DD, from the table lajna_demo_make_dates() fills. */
static inline const char *
lajna_demo_date_of (const Demo *d, gint day)
{
  return d->dates + (gsize) (day - FIRST_DAY) * DATE_LEN;
}

/* The calendar year @day falls in. */
static inline int
lajna_demo_year_of (const Demo *d, gint day)
{
  return atoi (lajna_demo_date_of (d, day));
}

/* Person @i of the model. */
static inline LajnaDemoPerson *
lajna_demo_person (const Demo *d, guint32 i)
{
  return &g_array_index (d->persons, LajnaDemoPerson, i);
}

/* The committee a file belongs to. */
static inline const Committee *
lajna_demo_committee_of (const Demo *d, const Case *c)
{
  return &d->committees[c->committee];
}

/* The meeting that takes a file up; only for a file that has one. */
static inline const Meeting *
lajna_demo_meeting_of (const Demo *d, const Case *c)
{
  return &g_array_index (d->meetings, Meeting, c->meeting);
}

/* What the committee decided on a file, from its kind's table. */
static inline const LajnaDemoChoice *
lajna_demo_outcome_of (const Demo *d, const Case *c)
{
  return lajna_demo_choice (lajna_demo_committee_of (d, c)->juvenile
                              ? LAJNA_DEMO_JUVENILE_OUTCOMES
                              : LAJNA_DEMO_MARRIAGE_OUTCOMES,
                            c->outcome);
}

/* Days between the periodic reviews of a juvenile file. */
static inline guint
lajna_demo_review_cycle (const Case *c)
{
  static const guint cycles[] = { 90, 90, 90, 90, 90, 90, 60, 60, 60, 180 };

  return cycles[lajna_demo_mix (c->salt, F_CYCLE) % G_N_ELEMENTS (cycles)];
}

/* Fills the table of dates lajna_demo_date_of() reads. */
void lajna_demo_make_dates (Demo *d);

/* Decides meetings, files and ruling numbers after the numbers already taken. */
void lajna_demo_make_model (Demo *d);

/* The tables to COPY, in the order foreign keys need. */
const Copy *lajna_demo_copies (guint *n_copies);

gboolean lajna_demo_attach_documents (LajnaDb  *db,
                                      guint     per_committee,
                                      GError  **error);

G_END_DECLS
