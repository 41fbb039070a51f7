-- stats.sql: the statistics for oversight: the triggers that keep the
-- summary tables (made in model/db/sql/0034-statistics.sql, which says
-- what each figure counts) and the functions that read them.
--
-- The schema's owner applies this file after the migrations at every start
-- and after a restore (model/db/lajna-schema.c). Each statement states how
-- things are to be: applying the file again changes nothing.

-- ---------------------------------------------------------------------
-- Functions: keeping the counts. Each function takes the rows a
-- statement changed, as they were (p_old) and as they are (p_new), and
-- adds the difference: a row that did not change what a figure counts
-- cancels itself out. The counters are written in key order, so that two
-- writers take their row locks in the same order. Rebuilding passes every
-- row as new.

-- Files received and files by status; files waiting on their documents;
-- the days to decision of a file whose received_on or committee changed.
CREATE OR REPLACE FUNCTION lajna_stats_files_moved(p_old lajna_stats_file[], p_new lajna_stats_file[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO public.stats_received AS s (committee_id, day, files)
  SELECT f.committee_id, f.received_on, sum(f.delta)
    FROM (SELECT o.*, -1 AS delta FROM unnest(p_old) o
          UNION ALL SELECT n.*, 1 FROM unnest(p_new) n) f
   GROUP BY 1, 2 HAVING sum(f.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (committee_id, day) DO UPDATE SET files = s.files + EXCLUDED.files;

  INSERT INTO public.stats_status AS s (committee_id, status, files)
  SELECT f.committee_id, f.status, sum(f.delta)
    FROM (SELECT o.*, -1 AS delta FROM unnest(p_old) o
          UNION ALL SELECT n.*, 1 FROM unnest(p_new) n) f
   GROUP BY 1, 2 HAVING sum(f.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (committee_id, status) DO UPDATE SET files = s.files + EXCLUDED.files;

  -- A file that was not waiting waits from today, or, new to the counts,
  -- from the day its history says it last began to wait.
  DELETE FROM public.stats_waiting w
   USING unnest(p_new) n WHERE w.case_id = n.id AND n.status <> 'documents_pending';
  INSERT INTO public.stats_waiting AS w (case_id, committee_id, since, missing)
  SELECT n.id, n.committee_id,
         CASE WHEN o.id IS NOT NULL THEN current_date
              ELSE coalesce((SELECT max(h.at)::date FROM public.case_history h
                              WHERE h.case_id = n.id AND h.to_status = 'documents_pending'),
                            n.received_on) END,
         ARRAY(SELECT l.type_code FROM public.lajna_case_lacking(n.id) l ORDER BY 1)
    FROM unnest(p_new) n LEFT JOIN unnest(p_old) o ON o.id = n.id
   WHERE n.status = 'documents_pending'
     AND (o.id IS NULL OR o.status <> 'documents_pending' OR o.committee_id <> n.committee_id)
   ORDER BY n.id
  ON CONFLICT (case_id) DO UPDATE SET committee_id = EXCLUDED.committee_id;

  INSERT INTO public.stats_span AS s (committee_id, span, day, days, files)
  SELECT x.committee_id, 'decision', d.first, d.first - x.received_on, sum(x.delta)
    FROM (SELECT o.id, o.committee_id, o.received_on, -1 AS delta
            FROM unnest(p_old) o JOIN unnest(p_new) n ON n.id = o.id
           WHERE (o.committee_id, o.received_on) <> (n.committee_id, n.received_on)
          UNION ALL
          SELECT n.id, n.committee_id, n.received_on, 1
            FROM unnest(p_old) o JOIN unnest(p_new) n ON n.id = o.id
           WHERE (o.committee_id, o.received_on) <> (n.committee_id, n.received_on)) x
    JOIN LATERAL (SELECT min(y.decided_on) AS first FROM public.decision y
                   WHERE y.case_id = x.id) d ON d.first IS NOT NULL
   GROUP BY 1, 3, 4 HAVING sum(x.delta) <> 0 ORDER BY 1, 3, 4
  ON CONFLICT (committee_id, span, day, days) DO UPDATE SET files = s.files + EXCLUDED.files;
END $$;

-- Decisions in force by day and outcome, and each file's days from its
-- receipt to its first decision. A correction takes the row it corrects
-- out of force; removing a correction puts it back.
CREATE OR REPLACE FUNCTION lajna_stats_decisions_moved(p_old lajna_stats_decision[],
                                            p_new lajna_stats_decision[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO public.stats_decided AS s (committee_id, day, outcome, decisions)
  SELECT f.committee_id, m.decided_on, m.outcome, sum(m.delta)
    FROM (SELECT n.case_id, n.decided_on, n.outcome, 1 AS delta FROM unnest(p_new) n
           WHERE NOT EXISTS (SELECT FROM public.decision c WHERE c.corrects = n.id)
          UNION ALL
          SELECT o.case_id, o.decided_on, o.outcome, -1 FROM unnest(p_old) o
           WHERE NOT EXISTS (SELECT FROM public.decision c WHERE c.corrects = o.id)
          UNION ALL
          SELECT d.case_id, d.decided_on, d.outcome, -1
            FROM unnest(p_new) n JOIN public.decision d ON d.id = n.corrects
           WHERE NOT EXISTS (SELECT FROM unnest(p_old) o WHERE o.id = n.id)
             AND NOT EXISTS (SELECT FROM unnest(p_new) x WHERE x.id = d.id)
          UNION ALL
          SELECT d.case_id, d.decided_on, d.outcome, 1
            FROM unnest(p_old) o JOIN public.decision d ON d.id = o.corrects
           WHERE NOT EXISTS (SELECT FROM unnest(p_new) n WHERE n.id = o.id)
             AND NOT EXISTS (SELECT FROM public.decision c WHERE c.corrects = d.id)) m
    JOIN public.case_file f ON f.id = m.case_id
   GROUP BY 1, 2, 3 HAVING sum(m.delta) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (committee_id, day, outcome)
  DO UPDATE SET decisions = s.decisions + EXCLUDED.decisions;

  -- A file's first decision before the statement (the rows it did not
  -- add, and those it removed or changed as they were) and after it.
  INSERT INTO public.stats_span AS s (committee_id, span, day, days, files)
  SELECT f.committee_id, 'decision', x.first, x.first - f.received_on, sum(x.delta)
    FROM (SELECT b.case_id, min(b.decided_on) AS first, -1 AS delta
            FROM (SELECT d.case_id, d.decided_on FROM public.decision d
                   WHERE d.case_id IN (SELECT n.case_id FROM unnest(p_new) n
                                       UNION SELECT o.case_id FROM unnest(p_old) o)
                     AND NOT EXISTS (SELECT FROM unnest(p_new) n WHERE n.id = d.id)
                  UNION ALL SELECT o.case_id, o.decided_on FROM unnest(p_old) o) b
           GROUP BY b.case_id
          UNION ALL
          SELECT d.case_id, min(d.decided_on), 1 FROM public.decision d
           WHERE d.case_id IN (SELECT n.case_id FROM unnest(p_new) n
                               UNION SELECT o.case_id FROM unnest(p_old) o)
           GROUP BY d.case_id) x
    JOIN public.case_file f ON f.id = x.case_id
   GROUP BY 1, 3, 4 HAVING sum(x.delta) <> 0 ORDER BY 1, 3, 4
  ON CONFLICT (committee_id, span, day, days) DO UPDATE SET files = s.files + EXCLUDED.files;
END $$;

-- History is only added to: a file signed adds its days from the latest
-- decision taken by that day; a file scheduled after a deferral, with no
-- scheduling between them, came back.
CREATE OR REPLACE FUNCTION lajna_stats_history_added(p_new lajna_stats_history[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO public.stats_span AS s (committee_id, span, day, days, files)
  SELECT f.committee_id, 'signing', h.at::date, h.at::date - d.decided, count(*)
    FROM unnest(p_new) h
    JOIN public.case_file f ON f.id = h.case_id
    JOIN LATERAL (SELECT max(x.decided_on) AS decided FROM public.decision x
                   WHERE x.case_id = h.case_id AND x.decided_on <= h.at::date) d
      ON d.decided IS NOT NULL
   WHERE h.to_status = 'signed'
   GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
  ON CONFLICT (committee_id, span, day, days) DO UPDATE SET files = s.files + EXCLUDED.files;

  INSERT INTO public.stats_returned AS s (committee_id, day, files)
  SELECT f.committee_id, h.at::date, count(*)
    FROM unnest(p_new) h
    JOIN public.case_file f ON f.id = h.case_id
   WHERE h.to_status = 'scheduled'
     AND (SELECT p.to_status FROM public.case_history p
           WHERE p.case_id = h.case_id AND p.id < h.id AND p.to_status IN ('deferred', 'scheduled')
           ORDER BY p.id DESC LIMIT 1) = 'deferred'
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (committee_id, day) DO UPDATE SET files = s.files + EXCLUDED.files;
END $$;

-- Juvenile files by the day of their next review. The file is looked up
-- for its committee; a file being removed takes its review away itself
-- (lajna_stats_file_removed()), before its juvenile record goes.
CREATE OR REPLACE FUNCTION lajna_stats_reviews_moved(p_old lajna_stats_review[], p_new lajna_stats_review[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO public.stats_review AS s (committee_id, day, files)
  SELECT f.committee_id, r.next_review_on, sum(r.delta)
    FROM (SELECT o.*, -1 AS delta FROM unnest(p_old) o
          UNION ALL SELECT n.*, 1 FROM unnest(p_new) n) r
    JOIN public.case_file f ON f.id = r.case_id
   WHERE r.next_review_on IS NOT NULL
   GROUP BY 1, 2 HAVING sum(r.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (committee_id, day) DO UPDATE SET files = s.files + EXCLUDED.files;
END $$;

-- What waiting files lack, again, once their documents changed.
CREATE OR REPLACE FUNCTION lajna_stats_documents_changed(p_cases bigint[])
RETURNS void LANGUAGE sql SET search_path = pg_catalog, public, pg_temp AS $$
  UPDATE public.stats_waiting w
     SET missing = ARRAY(SELECT l.type_code FROM public.lajna_case_lacking(w.case_id) l ORDER BY 1)
   WHERE w.case_id = ANY (p_cases)
$$;

-- The files waiting, by the day they began to and by what they lack.
CREATE OR REPLACE FUNCTION lajna_stats_waiting_moved(p_old lajna_stats_wait[], p_new lajna_stats_wait[])
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  INSERT INTO public.stats_waiting_since AS s (committee_id, since, files)
  SELECT w.committee_id, w.since, sum(w.delta)
    FROM (SELECT o.*, -1 AS delta FROM unnest(p_old) o
          UNION ALL SELECT n.*, 1 FROM unnest(p_new) n) w
   GROUP BY 1, 2 HAVING sum(w.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (committee_id, since) DO UPDATE SET files = s.files + EXCLUDED.files;

  INSERT INTO public.stats_missing AS s (committee_id, type_code, files)
  SELECT w.committee_id, m.code, sum(w.delta)
    FROM (SELECT o.*, -1 AS delta FROM unnest(p_old) o
          UNION ALL SELECT n.*, 1 FROM unnest(p_new) n) w
    CROSS JOIN unnest(w.missing) m (code)
   GROUP BY 1, 2 HAVING sum(w.delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (committee_id, type_code) DO UPDATE SET files = s.files + EXCLUDED.files;
END $$;

-- ---------------------------------------------------------------------
-- Functions: the triggers' own, handing on the rows each statement
-- changed.

CREATE OR REPLACE FUNCTION lajna_stats_file_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old public.lajna_stats_file[] := '{}';
  v_new public.lajna_stats_file[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := ARRAY(SELECT (r.id, r.committee_id, r.received_on,
                           r.status)::public.lajna_stats_file FROM removed r);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := ARRAY(SELECT (a.id, a.committee_id, a.received_on,
                           a.status)::public.lajna_stats_file FROM added a);
  END IF;
  PERFORM public.lajna_stats_files_moved(v_old, v_new);
  RETURN NULL;
END $$;

-- Row by row, but only when a file is removed, which nobody but the
-- server's own account does.
CREATE OR REPLACE FUNCTION lajna_stats_file_removed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM public.lajna_stats_reviews_moved(
    ARRAY(SELECT (j.case_id, j.next_review_on)::public.lajna_stats_review
            FROM public.juvenile_case j WHERE j.case_id = OLD.id), '{}');
  RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION lajna_stats_decision_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old public.lajna_stats_decision[] := '{}';
  v_new public.lajna_stats_decision[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := ARRAY(SELECT (r.id, r.case_id, r.decided_on, r.outcome,
                           r.corrects)::public.lajna_stats_decision FROM removed r);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := ARRAY(SELECT (a.id, a.case_id, a.decided_on, a.outcome,
                           a.corrects)::public.lajna_stats_decision FROM added a);
  END IF;
  PERFORM public.lajna_stats_decisions_moved(v_old, v_new);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lajna_stats_history_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM public.lajna_stats_history_added(
    ARRAY(SELECT (a.id, a.case_id, a.at, a.to_status)::public.lajna_stats_history
            FROM added a WHERE a.to_status IN ('signed', 'scheduled')));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lajna_stats_juvenile_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old public.lajna_stats_review[] := '{}';
  v_new public.lajna_stats_review[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := ARRAY(SELECT (r.case_id, r.next_review_on)::public.lajna_stats_review
                     FROM removed r);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := ARRAY(SELECT (a.case_id, a.next_review_on)::public.lajna_stats_review
                     FROM added a);
  END IF;
  PERFORM public.lajna_stats_reviews_moved(v_old, v_new);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lajna_stats_document_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM public.lajna_stats_documents_changed(ARRAY(SELECT DISTINCT r.case_id FROM removed r));
  ELSE
    PERFORM public.lajna_stats_documents_changed(ARRAY(SELECT DISTINCT a.case_id FROM added a));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lajna_stats_wait_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old public.lajna_stats_wait[] := '{}';
  v_new public.lajna_stats_wait[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := ARRAY(SELECT (r.committee_id, r.since, r.missing)::public.lajna_stats_wait
                     FROM removed r);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := ARRAY(SELECT (a.committee_id, a.since, a.missing)::public.lajna_stats_wait
                     FROM added a);
  END IF;
  PERFORM public.lajna_stats_waiting_moved(v_old, v_new);
  RETURN NULL;
END $$;

-- Every count again from the rows themselves: here, and after a load that
-- ran with the triggers off (the demo's).
CREATE OR REPLACE FUNCTION lajna_stats_rebuild() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  TRUNCATE public.stats_received, public.stats_status, public.stats_decided, public.stats_span,
           public.stats_review, public.stats_returned, public.stats_waiting,
           public.stats_waiting_since, public.stats_missing;
  PERFORM public.lajna_stats_files_moved('{}',
    ARRAY(SELECT (f.id, f.committee_id, f.received_on,
                  f.status)::public.lajna_stats_file FROM public.case_file f));
  PERFORM public.lajna_stats_decisions_moved('{}',
    ARRAY(SELECT (d.id, d.case_id, d.decided_on, d.outcome,
                  d.corrects)::public.lajna_stats_decision FROM public.decision d));
  PERFORM public.lajna_stats_history_added(
    ARRAY(SELECT (h.id, h.case_id, h.at, h.to_status)::public.lajna_stats_history
            FROM public.case_history h WHERE h.to_status IN ('signed', 'scheduled')));
  PERFORM public.lajna_stats_reviews_moved('{}',
    ARRAY(SELECT (j.case_id, j.next_review_on)::public.lajna_stats_review
            FROM public.juvenile_case j));
END $$;

-- ---------------------------------------------------------------------
-- Functions: reading the figures, with the caller's rights.

-- The median and 90th percentile of a histogram's days over a period:
-- the least number of days that half (nine tenths) of the files took no
-- more than, as percentile_disc() gives them; NULL without files.
CREATE OR REPLACE FUNCTION lajna_stats_percentiles(p_span text, p_committee integer, p_from date, p_to date)
RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT jsonb_build_object('files', coalesce(max(c.total), 0),
                            'median', min(c.days) FILTER (WHERE c.below >= 0.5 * c.total),
                            'p90', min(c.days) FILTER (WHERE c.below >= 0.9 * c.total))
    FROM (SELECT h.days, sum(h.files) OVER (ORDER BY h.days) AS below,
                 sum(h.files) OVER () AS total
            FROM (SELECT s.days, sum(s.files) AS files FROM public.stats_span s
                   WHERE s.span = p_span AND s.day BETWEEN p_from AND p_to
                     AND (p_committee IS NULL OR s.committee_id = p_committee)
                   GROUP BY s.days HAVING sum(s.files) > 0) h) c
$$;

-- The figures of committee p_committee (NULL: of every committee the
-- caller may see) for the period from p_from to p_to, both included, with
-- p_today as the day "now" is measured from; see
-- model/db/sql/0034-statistics.sql for what each counts.
CREATE OR REPLACE FUNCTION lajna_stats(p_committee integer, p_from date, p_to date,
                            p_today date DEFAULT current_date)
RETURNS jsonb LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF p_from IS NULL OR p_to IS NULL OR p_today IS NULL OR p_from > p_to
     OR p_to - p_from > 36600 THEN
    RAISE EXCEPTION 'a period runs from a day to the same or a later day, within a hundred years'
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:stats_period';
  END IF;
  IF p_committee IS NOT NULL AND NOT EXISTS (SELECT FROM public.committee c
                                              WHERE c.id = p_committee) THEN
    RAISE EXCEPTION 'there is no committee %', p_committee
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:stats_committee';
  END IF;
  RETURN jsonb_build_object(
    'committee', p_committee, 'from', p_from, 'to', p_to, 'today', p_today,
    'received',
      (SELECT coalesce(sum(s.files), 0) FROM public.stats_received s
        WHERE s.day BETWEEN p_from AND p_to
          AND (p_committee IS NULL OR s.committee_id = p_committee)),
    'decided',
      (SELECT coalesce(jsonb_agg(jsonb_build_object('key', o.code,
                                                    'value', coalesce(n.decisions, 0))
                                 ORDER BY o.kind, o.position), '[]')
         FROM public.decision_outcome o
         LEFT JOIN (SELECT s.outcome, sum(s.decisions) AS decisions FROM public.stats_decided s
                     WHERE s.day BETWEEN p_from AND p_to
                       AND (p_committee IS NULL OR s.committee_id = p_committee)
                     GROUP BY s.outcome) n ON n.outcome = o.code
        WHERE n.decisions <> 0
           OR o.kind IN (SELECT c.kind FROM public.committee c
                          WHERE p_committee IS NULL OR c.id = p_committee)),
    'pending',
      (SELECT jsonb_agg(jsonb_build_object('key', w.status, 'value', coalesce(n.files, 0))
                        ORDER BY w.position)
         FROM unnest(ARRAY['registered', 'documents_pending', 'complete', 'scheduled', 'deferred',
                           'decided', 'ruling_issued', 'signed'])
              WITH ORDINALITY w (status, position)
         LEFT JOIN (SELECT s.status, sum(s.files) AS files FROM public.stats_status s
                     WHERE p_committee IS NULL OR s.committee_id = p_committee
                     GROUP BY s.status) n ON n.status = w.status),
    'decision_days', public.lajna_stats_percentiles('decision', p_committee, p_from, p_to),
    'signing_days', public.lajna_stats_percentiles('signing', p_committee, p_from, p_to),
    'waiting_by_type',
      (SELECT coalesce(jsonb_agg(jsonb_build_object('key', t.code, 'value', t.files)
                                 ORDER BY t.files DESC, t.code), '[]')
         FROM (SELECT s.type_code AS code, sum(s.files) AS files FROM public.stats_missing s
                WHERE p_committee IS NULL OR s.committee_id = p_committee
                GROUP BY s.type_code HAVING sum(s.files) > 0) t),
    'waiting_by_age',
      (SELECT jsonb_agg(jsonb_build_object('key', b.band, 'value', coalesce(n.files, 0))
                        ORDER BY b.position)
         FROM unnest(ARRAY['0-30', '31-90', '91-180', '181-']) WITH ORDINALITY b (band, position)
         LEFT JOIN (SELECT CASE WHEN p_today - s.since <= 30 THEN '0-30'
                                WHEN p_today - s.since <= 90 THEN '31-90'
                                WHEN p_today - s.since <= 180 THEN '91-180'
                                ELSE '181-' END AS band, sum(s.files) AS files
                      FROM public.stats_waiting_since s
                     WHERE p_committee IS NULL OR s.committee_id = p_committee
                     GROUP BY 1) n ON n.band = b.band),
    'reviews_due',
      (SELECT coalesce(sum(s.files), 0) FROM public.stats_review s
        WHERE s.day BETWEEN p_today AND p_today + 6
          AND (p_committee IS NULL OR s.committee_id = p_committee)),
    'reviews_overdue',
      (SELECT coalesce(sum(s.files), 0) FROM public.stats_review s
        WHERE s.day < p_today AND (p_committee IS NULL OR s.committee_id = p_committee)),
    'deferrals_returned',
      (SELECT coalesce(sum(s.files), 0) FROM public.stats_returned s
        WHERE s.day BETWEEN p_from AND p_to
          AND (p_committee IS NULL OR s.committee_id = p_committee)),
    'monthly',
      (SELECT jsonb_agg(jsonb_build_object('month', to_char(m.month, 'YYYY-MM'),
                                           'received', coalesce(r.files, 0),
                                           'decided', coalesce(d.decisions, 0))
                        ORDER BY m.month)
         FROM generate_series(date_trunc('month', p_from::timestamp), p_to::timestamp,
                              interval '1 month') m (month)
         LEFT JOIN (SELECT date_trunc('month', s.day::timestamp) AS month, sum(s.files) AS files
                      FROM public.stats_received s
                     WHERE s.day BETWEEN p_from AND p_to
                       AND (p_committee IS NULL OR s.committee_id = p_committee)
                     GROUP BY 1) r ON r.month = m.month
         LEFT JOIN (SELECT date_trunc('month', s.day::timestamp) AS month,
                           sum(s.decisions) AS decisions
                      FROM public.stats_decided s
                     WHERE s.day BETWEEN p_from AND p_to
                       AND (p_committee IS NULL OR s.committee_id = p_committee)
                     GROUP BY 1) d ON d.month = m.month));
END $$;

-- ---------------------------------------------------------------------
-- Functions: the grants. Everyone with a role reads the figures,
-- row-level security narrowing it to their committees; nobody writes
-- them.

CREATE OR REPLACE FUNCTION lajna_grant_statistics() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  GRANT SELECT ON stats_received, stats_status, stats_decided, stats_span, stats_review,
                  stats_returned, stats_waiting, stats_waiting_since, stats_missing
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
END $$;

-- ---------------------------------------------------------------------
-- Triggers.

CREATE OR REPLACE TRIGGER stats_added AFTER INSERT ON case_file REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_file_changed();

CREATE OR REPLACE TRIGGER stats_changed AFTER UPDATE ON case_file
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_file_changed();

CREATE OR REPLACE TRIGGER stats_removed AFTER DELETE ON case_file REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_file_changed();

CREATE OR REPLACE TRIGGER stats_review_removed BEFORE DELETE ON case_file
  FOR EACH ROW WHEN (OLD.kind = 'juvenile') EXECUTE FUNCTION lajna_stats_file_removed();

CREATE OR REPLACE TRIGGER stats_added AFTER INSERT ON decision REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_decision_changed();

CREATE OR REPLACE TRIGGER stats_changed AFTER UPDATE ON decision
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_decision_changed();

CREATE OR REPLACE TRIGGER stats_removed AFTER DELETE ON decision REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_decision_changed();

CREATE OR REPLACE TRIGGER stats_added AFTER INSERT ON case_history REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_history_changed();

CREATE OR REPLACE TRIGGER stats_added AFTER INSERT ON juvenile_case REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_juvenile_changed();

CREATE OR REPLACE TRIGGER stats_changed AFTER UPDATE ON juvenile_case
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_juvenile_changed();

CREATE OR REPLACE TRIGGER stats_removed AFTER DELETE ON juvenile_case REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_juvenile_changed();

CREATE OR REPLACE TRIGGER stats_added AFTER INSERT ON stats_waiting REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_wait_changed();

CREATE OR REPLACE TRIGGER stats_changed AFTER UPDATE ON stats_waiting
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_wait_changed();

CREATE OR REPLACE TRIGGER stats_removed AFTER DELETE ON stats_waiting REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_wait_changed();

CREATE OR REPLACE TRIGGER stats_added AFTER INSERT ON document REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_document_changed();

CREATE OR REPLACE TRIGGER stats_changed AFTER UPDATE ON document REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_document_changed();

CREATE OR REPLACE TRIGGER stats_removed AFTER DELETE ON document REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION lajna_stats_document_changed();

-- ---------------------------------------------------------------------
-- Policies: the summary tables by their committee.

SELECT lajna_protect_by_committee(t::regclass, 'committee_id')
  FROM unnest(ARRAY['stats_received', 'stats_status', 'stats_decided', 'stats_span',
                    'stats_review', 'stats_returned', 'stats_waiting', 'stats_waiting_since',
                    'stats_missing']) t;

-- ---------------------------------------------------------------------
-- Rights: run by the statistics' triggers alone, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_stats_files_moved(lajna_stats_file[], lajna_stats_file[]),
  lajna_stats_decisions_moved(lajna_stats_decision[], lajna_stats_decision[]),
  lajna_stats_history_added(lajna_stats_history[]),
  lajna_stats_reviews_moved(lajna_stats_review[], lajna_stats_review[]),
  lajna_stats_documents_changed(bigint[]),
  lajna_stats_waiting_moved(lajna_stats_wait[], lajna_stats_wait[]),
  lajna_stats_wait_changed(),
  lajna_stats_file_changed(),
  lajna_stats_file_removed(),
  lajna_stats_decision_changed(),
  lajna_stats_history_changed(),
  lajna_stats_juvenile_changed(),
  lajna_stats_document_changed(),
  lajna_stats_rebuild()
  FROM PUBLIC;
