-- Registering many files at once: a spreadsheet import streams its rows
-- with COPY into a temporary table of the session and registers them there
-- with one set of statements, instead of sending them as JSON.
--
--   lajna_case_staging_open()    makes pg_temp.lajna_case_staging for the
--                                transaction (the caller may not make
--                                temporary tables of their own: 0021);
--   COPY pg_temp.lajna_case_staging FROM STDIN;
--   lajna_case_create_staged()   registers the rows staged so far and
--                                empties the table.
--
-- The staged rows are the caller's input and nothing more: they are
-- registered with the caller's rights, by the statements that register a
-- form's file (lajna_cases_register()), so row-level security, the
-- constraints and the triggers judge each one as they judge a file sent
-- as JSON.
--
-- The statements run without JIT compilation, whoever calls them: with
-- sequential scans off (see lajna_case_create() in 0008), each small query
-- of the triggers they fire is costed above the JIT thresholds, and would
-- be compiled at about a tenth of a second each. (The app's own sessions
-- run without JIT anyway.)

-- A file to register, its parties side by side: the first is the Libyan
-- party or the juvenile, the second the foreign party. A missing value
-- takes the schema's default as a JSON file's missing key does (0008's
-- lajna_*_input()): a text is empty, an empty identity number is none, a
-- count of previous marriages is 0, a review cycle 90 days; a missing next
-- review follows from the admission date.
CREATE TYPE lajna_new_case AS (
  ordinal                 integer,
  committee_id            integer,
  kind                    text,
  received_on             date,
  notes                   text,
  direction               text,
  previous_marriages      integer,
  residence               text,
  guardian_name           text,
  guardian_relation       text,
  guardian_phone          text,
  facility                text,
  admission_date          date,
  court                   text,
  court_case_number       text,
  charge_category         text,
  legal_status            text,
  programme               text[],
  social_worker_id        integer,
  psychologist_id         integer,
  review_cycle_days       integer,
  next_review_on          date,
  first_name              text,
  first_father_name       text,
  first_grandfather_name  text,
  first_family_name       text,
  first_latin_name        text,
  first_sex               char(1),
  first_birth_date        date,
  first_nationality       char(2),
  first_national_number   text,
  first_passport_number   text,
  first_passport_expiry   date,
  second_name             text,
  second_father_name      text,
  second_grandfather_name text,
  second_family_name      text,
  second_latin_name       text,
  second_sex              char(1),
  second_birth_date       date,
  second_nationality      char(2),
  second_national_number  text,
  second_passport_number  text,
  second_passport_expiry  date
);

-- Files loaded in bulk by earlier versions of `lajnactl demo` came without
-- the counters that number files, so that the first file of each of their
-- committees and years read all of the committee's files for the highest
-- number (lajna_take_file_numbers()). Those counters are made here, once,
-- as that first file would have made them.
SET LOCAL row_security = off;
INSERT INTO file_number_counter (committee_id, year, last_number)
SELECT f.committee_id, split_part(f.file_number, '/', 2)::integer,
       max(split_part(f.file_number, '/', 3)::integer)
  FROM case_file f JOIN committee c ON c.id = f.committee_id
 WHERE f.file_number ~ '^[^/]+/[0-9]{4}/[0-9]{1,9}$'
   AND split_part(f.file_number, '/', 1) = c.file_prefix
 GROUP BY 1, 2
ON CONFLICT (committee_id, year) DO NOTHING;
RESET row_security;
