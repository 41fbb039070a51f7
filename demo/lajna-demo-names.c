/* lajna-demo-names.c: people of the demo, made of the name lists.
 *
 * A person is kept as indices into the lists of lajna-demo-name-lists.c;
 * this file spells the names from them, with the variants people type,
 * makes passport numbers and guardians' names, and picks from the weighted
 * tables. Each variant folds back to its dictionary spelling under
 * lajna_norm(), and parts are joined with single spaces, exactly as
 * lajna_words() joins them in SQL.
 */

#include "lajna-demo-names.h"

#include "lajna-demo-name-lists.h"

#include <string.h>

/* Picks one of @n items whose weights lie @stride bytes apart. */
static guint
pick (guint32 r, const guint *weight, gsize stride, guint n)
{
  const char *base = (const char *) weight;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += *(const guint *) (base + i * stride);
  r %= total;
  for (guint i = 0; i < n; i++)
    {
      guint w = *(const guint *) (base + i * stride);

      if (r < w)
        return i;
      r -= w;
    }
  return n - 1;
}

/* Country @index of lajna_demo_countries(). */
static const LajnaDemoCountry *
country_at (guint index)
{
  guint n_countries;

  return &lajna_demo_countries (&n_countries)[index];
}

static gboolean
joins_next (gunichar c)
{
  return c == 0x0626 || c == 0x0628 || (c >= 0x062A && c <= 0x062E)
         || (c >= 0x0633 && c <= 0x063A) || (c >= 0x0641 && c <= 0x0647) || c == 0x064A;
}

/* @name as people also type it: alef without its hamza, a final ى or ة
 * written ي or ه, ئ or ؤ without the hamza, or else a tatweel (@ornament)
 * or a harakah inside the word. Each folds back to @name under lajna_norm(). */
static void
append_variant (GString *out, const char *name, gboolean ornament)
{
  gunichar c[64];
  guint n = 0, at = G_MAXUINT, k;

  for (const char *p = name; *p != '\0' && n < G_N_ELEMENTS (c); p = g_utf8_next_char (p))
    c[n++] = g_utf8_get_char (p);
  for (k = 0; k < n && c[k] != 0x0623 && c[k] != 0x0625 && c[k] != 0x0622; k++)
    ;
  if (k < n)
    c[k] = 0x0627;
  else if (n > 0 && c[n - 1] == 0x0649)
    c[n - 1] = 0x064A;
  else if (n > 0 && c[n - 1] == 0x0629)
    c[n - 1] = 0x0647;
  else
    {
      for (k = 0; k < n && c[k] != 0x0626 && c[k] != 0x0624; k++)
        ;
      if (k < n)
        c[k] = c[k] == 0x0626 ? 0x064A : 0x0648;
      else if (!ornament)
        /* A vowel sign goes on the first letter of the stem, after any ال. */
        at = n > 3 && c[0] == 0x0627 && c[1] == 0x0644 ? 2 : 0;
      else
        for (k = 0; k + 1 < n && at == G_MAXUINT; k++)
          if (joins_next (c[k]) && c[k + 1] >= 0x0621 && c[k + 1] <= 0x064A)
            at = k;
    }
  for (k = 0; k < n; k++)
    {
      g_string_append_unichar (out, c[k]);
      if (k == at)
        g_string_append_unichar (out, ornament ? 0x0640 : 0x064E);
    }
}

static const LajnaDemoName *
person_part (const LajnaDemoPerson *p, guint part)
{
  const LajnaDemoCountry *c = country_at (p->country);
  const LajnaDemoNames *list;

  if (p->part[part] == LAJNA_DEMO_NO_PART)
    return NULL;
  if (part == 0)
    list = p->sex == 'm' ? &c->male : &c->female;
  else if (part < 3)
    list = &c->male;
  else
    list = p->sex == 'f' && c->family_female.n > 0 ? &c->family_female : &c->family;
  return &list->names[p->part[part]];
}

static const char *
part_text (const LajnaDemoPerson *p, guint part, gboolean latin)
{
  const LajnaDemoName *name = person_part (p, part);

  if (name == NULL)
    return "";
  return latin ? name->latin : name->ar;
}

/**
 * lajna_demo_choose:
 * @table: which table
 * @r: random bits
 *
 * Returns: the index of a choice of @table, picked by weight
 */
guint
lajna_demo_choose (LajnaDemoTable table,
                   guint32        r)
{
  const LajnaDemoChoice *choices;
  guint n;

  g_return_val_if_fail (table < LAJNA_DEMO_N_TABLES, 0);

  choices = lajna_demo_choices (table, &n);
  return pick (r, &choices[0].weight, sizeof (LajnaDemoChoice), n);
}

/**
 * lajna_demo_pick_country:
 * @husband: pick for a Libyan woman's husband rather than a Libyan man's wife
 * @r: random bits
 *
 * Returns: the index of a country in lajna_demo_countries()
 */
guint
lajna_demo_pick_country (gboolean husband,
                         guint32  r)
{
  guint n;
  const LajnaDemoCountry *countries = lajna_demo_countries (&n);

  return pick (r, husband ? &countries[0].husband_weight : &countries[0].wife_weight,
               sizeof countries[0], n);
}

/**
 * lajna_demo_person_init:
 * @person: the person to fill
 * @rand: where the choices come from
 * @country: index into lajna_demo_countries()
 * @sex: `m` or `f`
 *
 * Names @person as people of @country are named, with a spelling variant
 * for about one Arabic name in ten, and draws its salt. The caller sets the
 * dates and whether there is a passport.
 */
void
lajna_demo_person_init (LajnaDemoPerson *person,
                        GRand           *rand,
                        guint            country,
                        char             sex)
{
  const LajnaDemoCountry *c = country_at (country);
  const LajnaDemoNames *family = sex == 'f' && c->family_female.n > 0 ? &c->family_female
                                                                      : &c->family;

  memset (person, 0, sizeof *person);
  person->country = country;
  person->sex = sex;
  person->part[0] = g_rand_int_range (rand, 0, sex == 'm' ? c->male.n : c->female.n);
  person->part[1] = person->part[2] = LAJNA_DEMO_NO_PART;
  if (c->arab)
    {
      person->part[1] = g_rand_int_range (rand, 0, c->male.n);
      if (country == 0 || g_rand_double (rand) < 0.85)
        person->part[2] = g_rand_int_range (rand, 0, c->male.n);
      if (g_rand_double (rand) < 0.10)
        {
          guint part = g_rand_int_range (rand, 0, 4);

          if (person->part[part] == LAJNA_DEMO_NO_PART)
            part = 0;
          person->variant = part + 1 + (g_rand_boolean (rand) ? 8 : 0);
        }
    }
  person->part[3] = g_rand_int_range (rand, 0, family->n);
  person->salt = g_rand_int (rand);
}

/**
 * lajna_demo_person_name_part:
 * @person: a person
 * @part: 0 to 3: given, father's, grandfather's or family name
 * @out: where to append the part as the person's papers spell it
 */
void
lajna_demo_person_name_part (const LajnaDemoPerson *person,
                             guint                  part,
                             GString               *out)
{
  const LajnaDemoName *name = person_part (person, part);

  if (name == NULL)
    return;
  if ((person->variant & 7) == part + 1)
    append_variant (out, name->ar, (person->variant & 8) != 0);
  else
    g_string_append (out, name->ar);
}

/**
 * lajna_demo_person_full_name:
 * @person: a person
 * @out: where to append the four parts, as person.full_name holds them
 */
void
lajna_demo_person_full_name (const LajnaDemoPerson *person,
                             GString               *out)
{
  gsize start = out->len;

  for (guint part = 0; part < 4; part++)
    if (person->part[part] != LAJNA_DEMO_NO_PART)
      {
        if (out->len > start)
          g_string_append_c (out, ' ');
        lajna_demo_person_name_part (person, part, out);
      }
}

/**
 * lajna_demo_person_latin_name:
 * @person: a person
 * @out: where to append the name a foreigner's passport prints; nothing
 *   for a Libyan
 */
void
lajna_demo_person_latin_name (const LajnaDemoPerson *person,
                              GString               *out)
{
  if (person->country == 0)
    return;
  g_string_append (out, part_text (person, 0, TRUE));
  g_string_append_c (out, ' ');
  g_string_append (out, part_text (person, 3, TRUE));
}

/**
 * lajna_demo_person_passport:
 * @person: a person with a passport
 * @out: where to write the number, in the pattern of the person's country
 */
void
lajna_demo_person_passport (const LajnaDemoPerson *person,
                            char                   out[16])
{
  static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
  const char *pattern = country_at (person->country)->passport;
  guint32 x = person->salt;
  guint k;

  for (k = 0; pattern[k] != '\0' && k < 15; k++)
    {
      gboolean letter;

      x = x * 1664525u + 1013904223u;
      letter = pattern[k] == '@' || (pattern[k] == '*' && (x >> 28) < 5);
      if (pattern[k] != '@' && pattern[k] != '#' && pattern[k] != '*')
        out[k] = pattern[k];
      else if (letter)
        out[k] = letters[(x >> 16) % (sizeof letters - 1)];
      else
        out[k] = (char) ('0' + (x >> 16) % 10);
    }
  out[k] = '\0';
}

/**
 * lajna_demo_guardian_name:
 * @juvenile: a Libyan minor
 * @relation: index into %LAJNA_DEMO_GUARDIANS
 * @r: random bits for the names the guardian does not share
 * @out: where to append the guardian's name
 *
 * The guardian shares the minor's names as the relation implies: the
 * father is "father grandfather family", a brother "X father grandfather
 * family", the mother has names of her own.
 */
void
lajna_demo_guardian_name (const LajnaDemoPerson *juvenile,
                          guint                  relation,
                          guint32                r,
                          GString               *out)
{
  const LajnaDemoCountry *ly = country_at (0);
  const char *own = (relation == 1 ? ly->female.names[r % ly->female.n].ar
                                   : ly->male.names[r % ly->male.n].ar);
  const char *other = ly->male.names[(r >> 8) % ly->male.n].ar;
  const char *father = part_text (juvenile, 1, FALSE);
  const char *grandfather = part_text (juvenile, 2, FALSE);
  const char *family = part_text (juvenile, 3, FALSE);
  const char *parts[][4] = {
    { father, grandfather, family },
    { own, other, ly->family.names[(r >> 16) % ly->family.n].ar },
    { own, grandfather, family },
    { own, father, grandfather, family },
    { grandfather, other, family },
  };
  gsize start = out->len;

  g_return_if_fail (relation < G_N_ELEMENTS (parts));

  for (guint k = 0; k < 4 && parts[relation][k] != NULL; k++)
    {
      if (out->len > start)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[relation][k]);
    }
}
