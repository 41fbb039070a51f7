-- The committees' domain: committees, people, both kinds of case file,
-- documents, checklist rules, meetings, votes, decisions, rulings, history
-- and audit. Words follow DESIGN.md.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

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

-- The status transitions live in one function, lajna_case_set_status(), in
-- 0004-checklists.sql: scheduling a file also depends on its documents.
