-- columns.sql: the functions the tables' columns compute or check with:
-- the Arabic folding of names, the joining of a name's parts, the refusal
-- of bidi controls, initials, and who is acting. They read no table, so
-- the schema's owner applies this file before the migrations, which make
-- the columns that call them, at every start and after a restore
-- (model/db/lajna-schema.c). Each statement states how things are to be:
-- applying the file again changes nothing.

-- ---------------------------------------------------------------------
-- Names.

-- The Arabic folding of a name or a search, for what keyboards and old
-- PDFs produce: invisible characters (Default_Ignorable_Code_Point: ZWNJ,
-- ZWJ, RLM, ALM, the byte order mark…) and the isolated forms of harakat
-- (U+FE70–U+FE7F, U+FC5E–U+FC63, which NFKC would turn into a space and a
-- mark) go; then NFKC (presentation forms become letters); then harakat
-- and tatweel go and hamza forms fold, with the Persian and Urdu yeh, kaf and
-- heh (ی ک ہ ۂ ۀ ە) folded too; and the digits of every script become
-- 0–9, so that «زب/٢٠٢٦/٠٠٠٢٩» finds file زب/2026/00029. Its C twin is
-- lajna_norm() in model/base/lajna-text.c; both must agree on every input.
--
-- Each step is skipped when a cheap test says it would change nothing (the
-- quick check of NFKC costs a third of normalize()): lajna_norm() runs in
-- generated columns for every stored name. The digits are the zeros of
-- every run of decimal digits that NFKC leaves as they are (the others,
-- full-width and mathematical, it turns into 0–9 itself), translated only
-- when one is there: translate() compares each character with its whole
-- list. The function is made by the block below, which writes the digit
-- lists into its body.

DO $do$
DECLARE
  v_zeros  integer[] := ARRAY[
    x'0660', x'06F0', x'07C0', x'0966', x'09E6', x'0A66', x'0AE6', x'0B66', x'0BE6', x'0C66',
    x'0CE6', x'0D66', x'0DE6', x'0E50', x'0ED0', x'0F20', x'1040', x'1090', x'17E0', x'1810',
    x'1946', x'19D0', x'1A80', x'1A90', x'1B50', x'1BB0', x'1C40', x'1C50', x'A620', x'A8D0',
    x'A900', x'A9D0', x'A9F0', x'AA50', x'ABF0', x'104A0', x'10D30', x'11066', x'110F0',
    x'11136', x'111D0', x'112F0', x'11450', x'114D0', x'11650', x'116C0', x'11730', x'118E0',
    x'11950', x'11C50', x'11D50', x'11DA0', x'11F50', x'16A60', x'16AC0', x'16B50', x'1E140',
    x'1E2F0', x'1E4F0', x'1E950']::integer[];
  v_digits text;
  v_ascii  text;
  v_runs   text;
BEGIN
  SELECT string_agg(chr(z + d), '' ORDER BY z, d), string_agg(d::text, '' ORDER BY z, d),
         string_agg(DISTINCT chr(z) || '-' || chr(z + 9), '')
    INTO v_digits, v_ascii, v_runs
    FROM unnest(v_zeros) z CROSS JOIN generate_series(0, 9) d;
  EXECUTE format($f$
CREATE OR REPLACE FUNCTION public.lajna_norm(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v text := t;
BEGIN
  IF v ~ '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E'
         '\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8\U0001BCA0-\U0001BCA3'
         '\U0001D173-\U0001D17A\U000E0000-\U000E0FFF\uFE70-\uFE7F\uFC5E-\uFC63]' THEN
    v := regexp_replace(v, '[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F'
                           '\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF'
                           '\uFFA0\uFFF0-\uFFF8\U0001BCA0-\U0001BCA3\U0001D173-\U0001D17A'
                           '\U000E0000-\U000E0FFF\uFE70-\uFE7F\uFC5E-\uFC63]+', '', 'g');
  END IF;
  IF v IS NOT NFKC NORMALIZED THEN
    v := normalize(v, NFKC);
  END IF;
  v := translate(regexp_replace(v, '[\u064B-\u065F\u0670\u0640]+', '', 'g'),
                 U&'\0623\0625\0622\0671\0649\0626\0629\0624\06CC\06A9\06C1\06C2\06C0\06D5',
                 U&'\0627\0627\0627\0627\064A\064A\0647\0648\064A\0643\0647\0647\0647\0647');
  IF v ~ %L THEN
    v := translate(v, %L, %L);
  END IF;
  RETURN v;
END $$
$f$, '[' || v_runs || ']', v_digits, v_ascii);
END $do$;

-- The non-empty parts joined by single spaces. Parts are stored trimmed
-- (person names are checked for it), so nothing needs trimming here; a
-- plain expression keeps it cheap in generated columns (about 1 µs).
CREATE OR REPLACE FUNCTION lajna_words(VARIADIC parts text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN array_to_string(array_remove(parts, ''), ' ');

-- Bidi control characters can make a name display as something it is not
-- (an override reverses "Anna" into "annA", an isolate hides what follows).
-- The app and the import strip them on input (lajna_clean_text()); these
-- checks refuse any that reach the database another way.

CREATE OR REPLACE FUNCTION lajna_has_bidi_control(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN t ~ '[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]';

-- "م. ع. ا." for "محمد علي الورفلي": how a juvenile is named to those who
-- count files but read no child's name.
CREATE OR REPLACE FUNCTION lajna_initials(p_name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN nullif(rtrim(regexp_replace(btrim(p_name), '(\S)\S*\s*', '\1. ', 'g')), '');

-- ---------------------------------------------------------------------
-- The person acting.
--
-- No caller's object stands in for the application's.
--
-- PostgreSQL looks a table or a type up in the caller's temporary schema
-- before any other, unless the search path names that schema, and last.
-- A function running with its owner's rights (SECURITY DEFINER) that
-- named a table unqualified could thus be made to read a table of the
-- caller's, and to run what the caller wrote there with the owner's
-- rights. So:
--   * every such function searches pg_catalog, then pg_temp, and names the
--     application's tables, types and functions with their schema;
--   * every other function of the application that a check, a policy, a
--     trigger or such a function runs either searches pg_temp last, or was
--     bound to its tables when it was made (a body in standard SQL);
--   * no function runs SQL text kept in a table: the committee of a row is
--     found through its column and parent, kept as names, and the grants
--     are written out in lajna_grant_access();
--   * nobody but the server's own account makes temporary tables, large
--     objects or anything in the schema.
-- The person acting is the session's login, whatever group it acts as
-- (only a superuser may act as another person, as a test or the demo
-- does), and an event in the audit trail names rows of the actor's own
-- committees, or none, with a bounded detail.

-- The login of the person acting. Its body is a string, read when it is
-- called: a body in standard SQL would be read when the function is made,
-- before the migrations make app_user. So it searches pg_temp last, as
-- every such function does.
CREATE OR REPLACE FUNCTION lajna_actor() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE WHEN current_setting('role') IN ('', 'none') THEN session_user::text
              WHEN (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user)
                   AND EXISTS (SELECT FROM public.app_user u
                                WHERE u.login = current_setting('role'))
              THEN current_setting('role')
              ELSE session_user::text END
$$;
