/* lajna-demo-model.c: the demo decided in memory before any row is sent.
 *
 * Who the parties are, when each file arrived, how far it got and which
 * meeting took it up, and the numbers of meetings, files and rulings. Every
 * choice is drawn from the one GRand of the load, in a fixed order, so that
 * a seed always gives the same data; what the model need not keep is hashed
 * later from each file's salt (see lajna-demo-rows.c).
 */

#include "lajna-demo-private.h"

#include <string.h>

#define UPCOMING_DAYS 21
#define QUORUM        3
#define NO_INDEX      G_MAXUINT32
#define AGENDA_TARGET 40

static gint
between (GRand *rand, gint lo, gint hi)
{
  return g_rand_int_range (rand, lo, hi + 1);
}

/* The Libyan weekend is Friday and Saturday. */
static gboolean
is_working_day (const Demo *d, gint day)
{
  int weekday = ((d->ref_weekday - 1 + day) % 7 + 7) % 7 + 1;

  return weekday != G_DATE_FRIDAY && weekday != G_DATE_SATURDAY;
}

/* Fills the table of dates lajna_demo_date_of() reads. */
void
lajna_demo_make_dates (Demo *d)
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

  if (idx == 0 || !lajna_demo_chance (d->rand, p))
    return NO_INDEX;
  j = g_rand_int_range (d->rand, 0, idx);
  return d->committees[d->cases[j].committee].juvenile == juvenile ? d->cases[j].party : NO_INDEX;
}

static void
make_parties (Demo *d, Case *c, guint idx)
{
  gboolean juvenile = lajna_demo_committee_of (d, c)->juvenile;
  char sex;

  c->party = returning_party (d, idx, juvenile, juvenile ? 0.08 : 0.025);
  if (juvenile)
    {
      /* 12 to 17 years old on the reference date. */
      if (c->party == NO_INDEX)
        c->party = add_person (d, 0, lajna_demo_chance (d->rand, 0.9) ? 'm' : 'f',
                               -between (d->rand, 4383, 6573), lajna_demo_chance (d->rand, 0.03));
      return;
    }
  if (c->party == NO_INDEX)
    {
      sex = lajna_demo_chance (d->rand, 0.75) ? 'm' : 'f';
      c->party = add_person (d, 0, sex,
                             birth_for_age (d, sex == 'm' ? between (d->rand, 24, 58)
                                                          : between (d->rand, 20, 45)),
                             lajna_demo_chance (d->rand, 0.6));
    }
  sex = lajna_demo_person (d, c->party)->sex == 'm' ? 'f' : 'm';
  c->other = add_person (d, lajna_demo_pick_country (sex == 'm', g_rand_int (d->rand)), sex,
                         birth_for_age (d, sex == 'f' ? between (d->rand, 19, 42)
                                                      : between (d->rand, 24, 55)),
                         TRUE);
  c->previous_marriages = lajna_demo_chance (d->rand, 0.8) ? 0
                          : lajna_demo_chance (d->rand, 0.75) ? 1 : 2;
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
          m.number = ++com->meeting_seq[lajna_demo_year_of (d, day) - FIRST_YEAR];
          for (guint s = 0; s < N_MEMBERS; s++)
            /* Who will come to a meeting still ahead is not known yet. */
            if (day >= 0 || lajna_demo_chance (d->rand, s == 0 ? 0.95 : 0.88))
              {
                m.present |= 1 << s;
                m.n_present++;
              }
          if (m.n_present < QUORUM || !(m.present & 1))
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
  LajnaDemoTable table = lajna_demo_committee_of (d, c)->juvenile ? LAJNA_DEMO_JUVENILE_OUTCOMES
                                                       : LAJNA_DEMO_MARRIAGE_OUTCOMES;
  gint t;

  /* A minor whose review is long past has left since: old decisions that
   * keep the file open give way to ones that close it. */
  do
    c->outcome = lajna_demo_choose (table, g_rand_int (d->rand));
  while (lajna_demo_outcome_of (d, c)->stays_open
         && day + (gint) lajna_demo_review_cycle (c) < -30);

  if (strcmp (lajna_demo_outcome_of (d, c)->code, "defer") == 0)
    {
      add_step (steps, n, ST_DEFERRED, day);
      /* Some applicants never bring what is missing. */
      if (lajna_demo_chance (d->rand, 0.7))
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
  if (lajna_demo_committee_of (d, c)->juvenile && (last == ST_DECIDED || last == ST_DELIVERED)
      && lajna_demo_outcome_of (d, c)->stays_open)
    {
      gint review = lajna_demo_meeting_of (d, c)->day + (gint) lajna_demo_review_cycle (c);

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
  if (lajna_demo_chance (d->rand, 0.65))
    {
      add_step (steps, &n, ST_PENDING, t += between (d->rand, 1, 10));
      /* Some files never get their documents together. */
      if (lajna_demo_chance (d->rand, 0.04))
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
  c->meeting = meeting_after (d, lajna_demo_committee_of (d, c), t + 2);
  if (c->meeting != NO_INDEX)
    {
      add_step (steps, &n, ST_SCHEDULED, t);
      if (lajna_demo_meeting_of (d, c)->day < 0)
        add_outcome_steps (d, c, steps, &n, lajna_demo_meeting_of (d, c)->day);
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
  guint count[N_STATUSES] = { 0 };

  for (guint i = 0; i < d->n_cases; i++)
    count[d->cases[i].status]++;
  for (guint s = 0; s < N_STATUSES; s++)
    for (guint i = d->n_cases; i-- > 0 && i + 100 > d->n_cases && count[s] == 0;)
      {
        Case *c = &d->cases[i];

        if (count[c->status] < 2 || (s == ST_DEFERRED && lajna_demo_committee_of (d, c)->juvenile))
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

/* Newest first, as the files that get documents are chosen. */
static gint
compare_newest (gconstpointer a, gconstpointer b, gpointer data)
{
  const Demo *d = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  gint x = d->cases[i].received, y = d->cases[j].received;

  if (x != y)
    return x > y ? -1 : 1;
  return i > j ? -1 : (gint) (i < j);
}

/* A file becomes complete only with its documents, and only the newest
 * files of each committee waiting for a meeting get theirs (see
 * lajna_demo_attach_documents()): the others that came to complete from
 * registration wait for their documents instead. */
static void
wait_for_documents (Demo *d)
{
  for (guint k = 0; k < d->n_committees; k++)
    {
      g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < d->n_cases; i++)
        if (d->cases[i].committee == k
            && (d->cases[i].status == ST_COMPLETE || d->cases[i].status == ST_SCHEDULED))
          g_array_append_val (waiting, i);
      g_array_sort_with_data (waiting, compare_newest, d);
      for (guint n = DOCUMENTED_FILES; n < waiting->len; n++)
        {
          Case *c = &d->cases[g_array_index (waiting, guint, n)];

          if (c->status == ST_COMPLETE
              && (c->from_status == ST_REGISTERED || c->from_status == ST_PENDING))
            {
              c->status = ST_PENDING;
              c->from_status = ST_REGISTERED;
            }
        }
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
  wait_for_documents (d);
  for (guint i = 0; i < d->n_cases; i++)
    {
      Case *c = &d->cases[i];
      Committee *com = &d->committees[c->committee];

      c->seq = ++com->file_seq[lajna_demo_year_of (d, c->received) - FIRST_YEAR];
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

      c->ruling_number = ++com->ruling_seq[lajna_demo_year_of (d, c->issued) - FIRST_YEAR];
    }
}

/* Decides meetings, files and ruling numbers after the numbers already taken. */
void
lajna_demo_make_model (Demo *d)
{
  make_meetings (d);
  make_cases (d);
  number_rulings (d);
}
