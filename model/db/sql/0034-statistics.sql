-- Statistics for oversight: how many files arrive and are decided, what
-- waits and why, how long each step takes, which juvenile reviews fall
-- due. A dashboard opens often and a committee holds hundreds of thousands
-- of files, so the figures are not counted from the files each time: they
-- are kept in summary tables, by committee and day, by triggers that run
-- once a statement with its changed rows (transition tables), so that an
-- import of many files adds a few grouped updates, not one a file.
--
-- The summary tables hold counts and dates, never a name. Row-level
-- security on their committee makes every figure count only files the
-- reader may see; nobody writes them but the trigger functions, which run
-- with their owner's rights. lajna_stats() reads them with the caller's.
--
-- What each figure counts:
--   * received: files by received_on;
--   * decided: decisions in force (not corrected) by decided_on and outcome;
--   * pending: files now, by status (all but delivered);
--   * days to decision: per file, from received_on to its first decision,
--     counted on that decision's day; days to signing: per signing (the
--     file's step to signed), from the decision in force to that day;
--   * waiting on documents: files now in documents_pending, aged from the
--     day they entered it, with the mandatory documents they lacked when
--     they entered it or when their documents last changed (a document
--     expiring later while the file waits is not seen until then);
--   * reviews: juvenile files by next_review_on;
--   * deferrals that came back: a file scheduled again after a deferral,
--     with no scheduling between them, counted on the day it was scheduled.
-- A file moved to another committee takes its receipt, status, wait and
-- days to decision along; its decisions, signings, returns and review stay
-- with the committee that had them until lajna_stats_rebuild().

CREATE TABLE stats_received (
  committee_id integer NOT NULL REFERENCES committee,
  day          date NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, day)
);

CREATE TABLE stats_status (
  committee_id integer NOT NULL REFERENCES committee,
  status       text NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, status)
);

CREATE TABLE stats_decided (
  committee_id integer NOT NULL REFERENCES committee,
  day          date NOT NULL,
  outcome      text NOT NULL,
  decisions    bigint NOT NULL,
  PRIMARY KEY (committee_id, day, outcome)
);

-- Histograms of durations in days: how many files took so many days,
-- counted on the day the span ended.
CREATE TABLE stats_span (
  committee_id integer NOT NULL REFERENCES committee,
  span         text NOT NULL CHECK (span IN ('decision', 'signing')),
  day          date NOT NULL,
  days         integer NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, span, day, days)
);

CREATE TABLE stats_review (
  committee_id integer NOT NULL REFERENCES committee,
  day          date NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, day)
);

CREATE TABLE stats_returned (
  committee_id integer NOT NULL REFERENCES committee,
  day          date NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, day)
);

-- One row a file waiting on its documents, since when and what it lacks
-- (which changes with its own documents); a tenth of the files may wait,
-- so they are counted, in turn, by committee and day they began to wait,
-- and by committee and document type lacking.
CREATE TABLE stats_waiting (
  case_id      bigint PRIMARY KEY REFERENCES case_file ON DELETE CASCADE,
  committee_id integer NOT NULL REFERENCES committee,
  since        date NOT NULL,
  missing      text[] NOT NULL
);

CREATE TABLE stats_waiting_since (
  committee_id integer NOT NULL REFERENCES committee,
  since        date NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, since)
);

CREATE TABLE stats_missing (
  committee_id integer NOT NULL REFERENCES committee,
  type_code    text NOT NULL,
  files        bigint NOT NULL,
  PRIMARY KEY (committee_id, type_code)
);

-- The rows a trigger passes on: what of a file, a decision or a history
-- row the figures depend on.
CREATE TYPE lajna_stats_file AS (id bigint, committee_id integer, received_on date,
                                 status text);
CREATE TYPE lajna_stats_decision AS (id bigint, case_id bigint, decided_on date, outcome text,
                                     corrects bigint);

CREATE TYPE lajna_stats_review AS (case_id bigint, next_review_on date);
CREATE TYPE lajna_stats_history AS (id bigint, case_id bigint, at timestamptz, to_status text);
CREATE TYPE lajna_stats_wait AS (committee_id integer, since date, missing text[]);
