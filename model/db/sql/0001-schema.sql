-- The committees' domain: committees, people, both kinds of case file,
-- documents, checklist rules, meetings, votes, decisions, rulings, history
-- and audit. Words follow DESIGN.md.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Arabic spelling folded for comparison and search. Its C twin is
-- lajna_norm() in model/base/lajna-text.c; both must agree on every input.
-- NFC first (skipped when the text is NFC already, the common case: the
-- quick check costs a third of normalize()); then harakat (U+064B–U+065F),
-- superscript alef (U+0670) and tatweel (U+0640) go; then hamza forms,
-- alef maqsura and ta marbuta fold. It runs in generated columns for every
-- stored name, so each step is the cheapest that does the job.
CREATE FUNCTION lajna_norm(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN translate(
  regexp_replace(CASE WHEN t IS NFC NORMALIZED THEN t ELSE normalize(t, NFC) END,
                 '[\u064B-\u065F\u0670\u0640]+', '', 'g'),
  U&'\0623\0625\0622\0671\0649\0626\0629\0624',
  U&'\0627\0627\0627\0627\064A\064A\0647\0648');

-- The non-empty parts joined by single spaces. Parts are stored trimmed
-- (person names are checked for it), so nothing needs trimming here; a
-- plain expression keeps it cheap in generated columns (about 1 µs).
CREATE FUNCTION lajna_words(VARIADIC parts text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN array_to_string(array_remove(parts, ''), ' ');

CREATE TABLE country (
  code        char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name_ar     text NOT NULL,
  name_en     text NOT NULL,
  arab_league boolean NOT NULL DEFAULT false
);

CREATE TABLE committee (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('marriage', 'juvenile')),
  code         text NOT NULL UNIQUE,
  name_ar      text NOT NULL,
  name_en      text NOT NULL,
  branch       text NOT NULL DEFAULT '',
  city         text NOT NULL DEFAULT '',
  -- Members that must be present for a meeting to decide.
  quorum       integer NOT NULL DEFAULT 3 CHECK (quorum > 0),
  letterhead   text NOT NULL DEFAULT '',
  -- Prefix of file numbers, e.g. ز in ز/2026/00123.
  file_prefix  text NOT NULL,
  active       boolean NOT NULL DEFAULT true
);

CREATE TABLE app_user (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login      text NOT NULL UNIQUE,
  full_name  text NOT NULL,
  profession text NOT NULL DEFAULT ''
             CHECK (profession IN ('', 'social_worker', 'psychologist', 'lawyer', 'official')),
  active     boolean NOT NULL DEFAULT true
);

CREATE TABLE committee_role (
  committee_id integer NOT NULL REFERENCES committee,
  user_id      integer NOT NULL REFERENCES app_user,
  role         text NOT NULL CHECK (role IN ('clerk', 'member', 'chair', 'signatory', 'admin')),
  since        date NOT NULL DEFAULT current_date,
  until        date,
  PRIMARY KEY (committee_id, user_id, role)
);

CREATE TABLE person (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name             text NOT NULL,
  father_name      text NOT NULL DEFAULT '',
  grandfather_name text NOT NULL DEFAULT '',
  family_name      text NOT NULL DEFAULT '',
  latin_name       text NOT NULL DEFAULT '',
  sex              char(1) NOT NULL CHECK (sex IN ('m', 'f')),
  CHECK (name <> '' AND name = btrim(name) AND father_name = btrim(father_name)
         AND grandfather_name = btrim(grandfather_name) AND family_name = btrim(family_name)
         AND latin_name = btrim(latin_name)),
  birth_date       date,
  nationality      char(2) NOT NULL REFERENCES country,
  -- Libyan national number: 12 digits, the first 1 (male) or 2 (female).
  national_number  text CHECK (national_number ~ '^[12][0-9]{11}$'),
  passport_number  text,
  passport_expiry  date,
  full_name        text GENERATED ALWAYS AS
                   (lajna_words(name, father_name, grandfather_name, family_name)) STORED,
  name_norm        text GENERATED ALWAYS AS
                   (lajna_norm(lajna_words(name, father_name, grandfather_name, family_name))) STORED
);
CREATE INDEX person_national_number ON person (national_number);
CREATE INDEX person_passport_number ON person (passport_number);

CREATE TABLE case_file (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  committee_id integer NOT NULL REFERENCES committee,
  kind         text NOT NULL CHECK (kind IN ('marriage', 'juvenile')),
  file_number  text NOT NULL UNIQUE,
  status       text NOT NULL DEFAULT 'registered' CHECK (status IN
               ('registered', 'documents_pending', 'complete', 'scheduled', 'decided',
                'deferred', 'ruling_issued', 'signed', 'delivered')),
  received_on  date NOT NULL DEFAULT current_date,
  notes        text NOT NULL DEFAULT '',
  row_version  integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  -- The parties' names as the list shows them, and everything a search
  -- matches (names, Latin names, national and passport numbers, file
  -- number); both kept by triggers on the parties.
  title        text NOT NULL DEFAULT '',
  search_text  text NOT NULL DEFAULT '',
  search_norm  text GENERATED ALWAYS AS (lajna_norm(lower(search_text))) STORED
);
CREATE INDEX case_file_received ON case_file (received_on, id);
CREATE INDEX case_file_title ON case_file (title, id);
CREATE INDEX case_file_status ON case_file (status, id);
CREATE INDEX case_file_committee ON case_file (committee_id, received_on, id);
CREATE INDEX case_file_search_trgm ON case_file USING gin (search_norm gin_trgm_ops);

CREATE TABLE marriage_case (
  case_id            bigint PRIMARY KEY REFERENCES case_file ON DELETE CASCADE,
  libyan_party_id    bigint NOT NULL REFERENCES person,
  foreign_party_id   bigint NOT NULL REFERENCES person,
  -- libyan_man: a Libyan man with a foreign woman; libyan_woman: the reverse.
  direction          text NOT NULL CHECK (direction IN ('libyan_man', 'libyan_woman')),
  previous_marriages integer NOT NULL DEFAULT 0 CHECK (previous_marriages >= 0),
  residence          text NOT NULL DEFAULT ''
);
CREATE INDEX marriage_case_libyan ON marriage_case (libyan_party_id);
CREATE INDEX marriage_case_foreign ON marriage_case (foreign_party_id);

CREATE TABLE juvenile_case (
  case_id           bigint PRIMARY KEY REFERENCES case_file ON DELETE CASCADE,
  juvenile_id       bigint NOT NULL REFERENCES person,
  guardian_name     text NOT NULL DEFAULT '',
  guardian_relation text NOT NULL DEFAULT '',
  guardian_phone    text NOT NULL DEFAULT '',
  facility          text NOT NULL DEFAULT '',
  admission_date    date,
  court             text NOT NULL DEFAULT '',
  court_case_number text NOT NULL DEFAULT '',
  charge_category   text NOT NULL DEFAULT '',
  legal_status      text NOT NULL DEFAULT '' CHECK (legal_status IN
                    ('', 'pretrial', 'sentenced', 'protective')),
  programme         text[] NOT NULL DEFAULT '{}'
                    CHECK (programme <@ ARRAY['education', 'vocational', 'counselling']),
  social_worker_id  integer REFERENCES app_user,
  psychologist_id   integer REFERENCES app_user,
  review_cycle_days integer NOT NULL DEFAULT 90 CHECK (review_cycle_days > 0),
  next_review_on    date
);
CREATE INDEX juvenile_case_juvenile ON juvenile_case (juvenile_id);

CREATE TABLE case_history (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL DEFAULT current_user,
  from_status text,
  to_status   text NOT NULL,
  note        text NOT NULL DEFAULT ''
);
CREATE INDEX case_history_case ON case_history (case_id, at);

CREATE TABLE document_type (
  code          text PRIMARY KEY,
  name_ar       text NOT NULL,
  name_en       text NOT NULL,
  -- How long a document of this type stays valid, when it expires at all.
  valid_days    integer CHECK (valid_days > 0)
);

CREATE TABLE document (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  type_code    text NOT NULL REFERENCES document_type,
  title        text NOT NULL DEFAULT '',
  mime_type    text NOT NULL CHECK (mime_type IN
               ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  pages        integer NOT NULL DEFAULT 1 CHECK (pages > 0),
  byte_size    bigint NOT NULL CHECK (byte_size >= 0),
  sha256       bytea NOT NULL CHECK (length(sha256) = 32),
  source       text NOT NULL CHECK (source IN ('scan', 'import')),
  issued_on    date,
  added_by     text NOT NULL DEFAULT current_user,
  added_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_case ON document (case_id);

-- Bytes live apart from the metadata so that listing documents never reads them.
CREATE TABLE document_blob (
  document_id bigint PRIMARY KEY REFERENCES document ON DELETE CASCADE,
  original    bytea NOT NULL
);

CREATE TABLE document_preview (
  document_id bigint NOT NULL REFERENCES document ON DELETE CASCADE,
  page        integer NOT NULL CHECK (page > 0),
  size        integer NOT NULL CHECK (size > 0),
  png         bytea NOT NULL,
  PRIMARY KEY (document_id, page, size)
);

-- Which document types a file needs, by kind and facts.
CREATE TABLE checklist_rule (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('marriage', 'juvenile')),
  type_code    text NOT NULL REFERENCES document_type,
  -- The fact that makes the rule apply; '' applies to every file of the kind.
  applies_when text NOT NULL DEFAULT '' CHECK (applies_when IN
               ('', 'foreign_non_arab', 'libyan_woman', 'libyan_man', 'previously_married')),
  UNIQUE (kind, type_code, applies_when)
);

CREATE TABLE meeting (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  committee_id integer NOT NULL REFERENCES committee,
  year         integer NOT NULL,
  number       integer NOT NULL CHECK (number > 0),
  held_on      date NOT NULL,
  place        text NOT NULL DEFAULT '',
  state        text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'convened', 'closed')),
  row_version  integer NOT NULL DEFAULT 1,
  UNIQUE (committee_id, year, number)
);

CREATE TABLE attendance (
  meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
  user_id    integer NOT NULL REFERENCES app_user,
  present    boolean NOT NULL DEFAULT true,
  role       text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'chair', 'secretary', 'guest')),
  PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE agenda_item (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position > 0),
  case_id    bigint NOT NULL REFERENCES case_file,
  UNIQUE (meeting_id, position),
  UNIQUE (meeting_id, case_id)
);
CREATE INDEX agenda_item_case ON agenda_item (case_id);

CREATE TABLE vote (
  agenda_item_id bigint NOT NULL REFERENCES agenda_item ON DELETE CASCADE,
  user_id        integer NOT NULL REFERENCES app_user,
  choice         text NOT NULL CHECK (choice IN ('approve', 'reject', 'abstain')),
  reasons        text NOT NULL DEFAULT '',
  cast_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agenda_item_id, user_id)
);

CREATE TABLE decision (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES case_file,
  agenda_item_id  bigint UNIQUE REFERENCES agenda_item,
  outcome         text NOT NULL CHECK (outcome IN
                  ('approve', 'reject', 'defer',
                   'continue', 'modify_programme', 'release_to_guardian',
                   'transfer', 'aftercare', 'refer_to_court')),
  reason_codes    text[] NOT NULL DEFAULT '{}',
  reasons         text NOT NULL DEFAULT '',
  -- Document types still missing, for a deferral.
  missing_types   text[] NOT NULL DEFAULT '{}',
  next_review_on  date,
  decided_on      date NOT NULL,
  CHECK (outcome <> 'reject' OR reasons <> '' OR cardinality(reason_codes) > 0),
  CHECK (outcome <> 'defer' OR cardinality(missing_types) > 0)
);
CREATE INDEX decision_case ON decision (case_id);

CREATE TABLE ruling (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision_id  bigint NOT NULL REFERENCES decision,
  committee_id integer NOT NULL REFERENCES committee,
  year         integer NOT NULL,
  number       integer NOT NULL CHECK (number > 0),
  version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
  template     text NOT NULL DEFAULT 'default',
  issued_on    date NOT NULL,
  pdf          bytea,
  sha256       bytea CHECK (sha256 IS NULL OR length(sha256) = 32),
  supersedes   bigint REFERENCES ruling,
  UNIQUE (committee_id, year, number, version)
);
CREATE INDEX ruling_decision ON ruling (decision_id);

-- The last ruling number given per committee and year, so that numbers
-- are gapless (taken in the issuing transaction under a row lock).
CREATE TABLE ruling_counter (
  committee_id integer NOT NULL REFERENCES committee,
  year         integer NOT NULL,
  last_number  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (committee_id, year)
);

CREATE TABLE signature (
  ruling_id  bigint NOT NULL REFERENCES ruling,
  user_id    integer NOT NULL REFERENCES app_user,
  signed_at  timestamptz NOT NULL DEFAULT now(),
  method     text NOT NULL CHECK (method IN ('handwritten', 'digital')),
  certificate_subject text NOT NULL DEFAULT '',
  PRIMARY KEY (ruling_id, user_id)
);

CREATE TABLE audit_event (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor      text NOT NULL DEFAULT current_user,
  action     text NOT NULL,
  object     text NOT NULL,
  object_id  bigint,
  detail     jsonb NOT NULL DEFAULT '{}',
  prev_hash  bytea,
  hash       bytea NOT NULL
);

-- Appends an audit event whose hash covers the previous event's hash, so
-- that changing or removing any event breaks every link after it.
CREATE FUNCTION lajna_audit(p_action text, p_object text, p_object_id bigint,
                            p_detail jsonb DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_prev bytea;
  v_at   timestamptz := clock_timestamp();
  v_id   bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('lajna_audit'));
  SELECT hash INTO v_prev FROM audit_event ORDER BY id DESC LIMIT 1;
  INSERT INTO audit_event (at, action, object, object_id, detail, prev_hash, hash)
  VALUES (v_at, p_action, p_object, p_object_id, p_detail, v_prev,
          sha256(coalesce(v_prev, '') || convert_to(
            concat_ws('|', v_at::text, current_user, p_action, p_object,
                      p_object_id::text, p_detail::text), 'UTF8')))
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;

-- Keeps case_file.title and search_text in step with its parties.
-- A marriage file's title is "Libyan party - foreign party" (the foreign
-- party by Latin name when there is one); a juvenile file's is the minor's
-- name. search_text is lajna_words() of the file number and, for each party
-- in that order, full name, Latin name, national number, passport number;
-- a juvenile file adds the guardian's name and the court case number.
CREATE FUNCTION lajna_case_refresh_search(p_case_id bigint) RETURNS void
LANGUAGE sql AS $$
  UPDATE case_file c SET
    title = s.title,
    search_text = s.search_text
  FROM (
    SELECT m.case_id,
           l.full_name || ' - ' || coalesce(nullif(f.latin_name, ''), f.full_name) AS title,
           lajna_words(cf.file_number,
                       l.full_name, l.latin_name, l.national_number, l.passport_number,
                       f.full_name, f.latin_name, f.national_number, f.passport_number) AS search_text
      FROM marriage_case m
      JOIN case_file cf ON cf.id = m.case_id
      JOIN person l ON l.id = m.libyan_party_id
      JOIN person f ON f.id = m.foreign_party_id
     WHERE m.case_id = p_case_id
    UNION ALL
    SELECT j.case_id, p.full_name,
           lajna_words(cf.file_number,
                       p.full_name, p.latin_name, p.national_number, p.passport_number,
                       j.guardian_name, j.court_case_number)
      FROM juvenile_case j
      JOIN case_file cf ON cf.id = j.case_id
      JOIN person p ON p.id = j.juvenile_id
     WHERE j.case_id = p_case_id
  ) s
  WHERE c.id = s.case_id
$$;

CREATE FUNCTION lajna_party_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_case_refresh_search(NEW.case_id);
  RETURN NULL;
END $$;

CREATE TRIGGER marriage_case_search AFTER INSERT OR UPDATE ON marriage_case
  FOR EACH ROW EXECUTE FUNCTION lajna_party_changed();
CREATE TRIGGER juvenile_case_search AFTER INSERT OR UPDATE ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_party_changed();

CREATE FUNCTION lajna_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lajna_case_refresh_search(x.case_id)
     FROM (SELECT case_id FROM marriage_case
            WHERE NEW.id IN (libyan_party_id, foreign_party_id)
           UNION
           SELECT case_id FROM juvenile_case WHERE juvenile_id = NEW.id) x;
  RETURN NULL;
END $$;

CREATE TRIGGER person_search AFTER UPDATE ON person
  FOR EACH ROW EXECUTE FUNCTION lajna_person_changed();

-- The status transitions live in one function, lajna_case_set_status(), in
-- 0004-checklists.sql: scheduling a file also depends on its documents.
