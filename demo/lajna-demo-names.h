#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaDemoName:
 * @ar: the name in Arabic script
 * @latin: the name as a passport prints it in Latin script
 */
typedef struct
{
  const char *ar;
  const char *latin;
} LajnaDemoName;

typedef struct
{
  const LajnaDemoName *names;
  guint                n;
} LajnaDemoNames;

/**
 * LajnaDemoCountry:
 * @code: ISO 3166-1 alpha-2
 * @arab: people have four-part Arabic names
 * @wife_weight: how often a Libyan man's foreign wife comes from here
 * @husband_weight: how often a Libyan woman's foreign husband does
 * @passport: pattern of a passport number: `@` a letter, `#` a digit,
 *   `*` either, anything else itself
 * @male: given names of men (also fathers and grandfathers for Arabs)
 * @female: given names of women
 * @family: family names
 * @family_female: family names of women where they differ (Russian), or empty
 */
typedef struct
{
  const char     *code;
  gboolean        arab;
  guint           wife_weight;
  guint           husband_weight;
  const char     *passport;
  LajnaDemoNames  male;
  LajnaDemoNames  female;
  LajnaDemoNames  family;
  LajnaDemoNames  family_female;
} LajnaDemoCountry;

/**
 * LajnaDemoCommittee:
 * @code: the committee's code, by which a later run finds it again
 * @kind: `marriage` or `juvenile`
 * @place: where its meetings are held
 * @share: the fraction of all demo files that are this committee's
 * @residences: (array zero-terminated=1): where its applicants live
 * @facilities: (array zero-terminated=1): the homes its minors are placed in
 * @courts: (array zero-terminated=1): the courts that send it minors
 *
 * One committee of the demo; the other fields are its columns.
 */
typedef struct
{
  const char        *code;
  const char        *kind;
  const char        *name_ar;
  const char        *name_en;
  const char        *branch;
  const char        *city;
  const char        *file_prefix;
  const char        *letterhead;
  const char        *place;
  double             share;
  const char *const *residences;
  const char *const *facilities;
  const char *const *courts;
} LajnaDemoCommittee;

/**
 * LajnaDemoChoice:
 * @code: what the database stores
 * @text: the Arabic words for it, or %NULL
 * @weight: how often it is picked, relative to the rest of its table
 * @extra: per table: an outcome's reason codes (an array literal)
 * @stays_open: a juvenile outcome after which the file is reviewed again
 */
typedef struct
{
  const char *code;
  const char *text;
  guint       weight;
  const char *extra;
  gboolean    stays_open;
} LajnaDemoChoice;

typedef enum
{
  LAJNA_DEMO_MARRIAGE_OUTCOMES,
  LAJNA_DEMO_JUVENILE_OUTCOMES,
  LAJNA_DEMO_REJECT_REASONS,
  LAJNA_DEMO_GUARDIANS,
  LAJNA_DEMO_CHARGES,
  LAJNA_DEMO_LEGAL_STATUSES,
  LAJNA_DEMO_NOTES,
  LAJNA_DEMO_N_TABLES
} LajnaDemoTable;

#define LAJNA_DEMO_NO_PART G_MAXUINT16

/**
 * LajnaDemoPerson:
 * @part: indices of the given, father's, grandfather's and family name in
 *   the lists of @country, %LAJNA_DEMO_NO_PART where there is none
 * @country: index into lajna_demo_countries(); 0 is Libya
 * @variant: 0, or 1 + the part spelt as people often type it, plus 8 when
 *   that spelling is a tatweel or a harakah
 * @sex: `m` or `f`
 * @has_passport: whether the person has a passport
 * @birth: birth date, in days from the reference date
 * @passport_expiry: likewise
 * @salt: random bits the passport number is made from
 *
 * A person of the demo, small enough to keep a million and a half in memory.
 */
typedef struct
{
  guint16  part[4];
  guint8   country;
  guint8   variant;
  char     sex;
  gboolean has_passport;
  gint16   birth;
  gint16   passport_expiry;
  guint32  salt;
} LajnaDemoPerson;

const LajnaDemoCountry   *lajna_demo_countries   (guint          *n_countries);
const LajnaDemoCommittee *lajna_demo_committees  (guint          *n_committees);
const char               *lajna_demo_dissent     (void);
guint                     lajna_demo_choose      (LajnaDemoTable  table,
                                                  guint32         r);
const LajnaDemoChoice    *lajna_demo_choice      (LajnaDemoTable  table,
                                                  guint           index);
guint                     lajna_demo_pick_country (gboolean       husband,
                                                   guint32        r);

void lajna_demo_person_init        (LajnaDemoPerson       *person,
                                    GRand                 *rand,
                                    guint                  country,
                                    char                   sex);
void lajna_demo_person_name_part   (const LajnaDemoPerson *person,
                                    guint                  part,
                                    GString               *out);
void lajna_demo_person_full_name   (const LajnaDemoPerson *person,
                                    GString               *out);
void lajna_demo_person_latin_name  (const LajnaDemoPerson *person,
                                    GString               *out);
void lajna_demo_person_passport    (const LajnaDemoPerson *person,
                                    char                   out[16]);
void lajna_demo_guardian_name      (const LajnaDemoPerson *juvenile,
                                    guint                  relation,
                                    guint32                r,
                                    GString               *out);

G_END_DECLS
