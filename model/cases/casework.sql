-- casework.sql: the juvenile casework: the assignment of a juvenile file
-- to its social worker and psychologist, the reports they write on it
-- (case_report, its sections and the file's document each becomes), the
-- reports due before a review, and the case plan's goals and their
-- reviews. The tables are made in model/db/sql/0040-case-reports.sql and
-- model/db/sql/0042-case-plan.sql; who works on a file is
-- lajna_casework() in model/db/access.sql.
--
-- The schema's owner applies this file after model/cases/cases.sql, at
-- every start and after a restore (model/db/lajna-schema.c). Each
-- statement states how things are to be: applying the file again changes
-- nothing.

-- ---------------------------------------------------------------------
-- Functions: the assignment of juvenile files.
--
-- A juvenile file is assigned to a social worker or psychologist who holds
-- that role on the file's committee today, on every facility or on the
-- juvenile's own: anyone else could never open the file, and the file
-- would wait for a report nobody can write. An assignment already on
-- record stays when the role later ends; only a new one is checked.

-- Whether p_user holds p_role on p_case's committee today, on every
-- facility or on p_facility.
CREATE OR REPLACE FUNCTION lajna_serves_case(p_user integer, p_role text, p_case bigint, p_facility text)
RETURNS boolean LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT EXISTS (
    SELECT FROM committee_role r JOIN case_file c ON c.committee_id = r.committee_id
     WHERE c.id = p_case AND r.user_id = p_user AND r.role = p_role AND r.active
       AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
       AND (r.facility = '' OR r.facility = p_facility));
END;

-- Refuses a social worker or psychologist newly assigned to a file who
-- does not serve it (lajna_serves_case()).
CREATE OR REPLACE FUNCTION lajna_check_casework_assignment() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF public.lajna_loading_history() THEN
    RETURN NULL;
  END IF;
  IF NEW.social_worker_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.social_worker_id IS DISTINCT FROM OLD.social_worker_id)
     AND NOT public.lajna_serves_case(NEW.social_worker_id, 'social_worker', NEW.case_id,
                                      NEW.facility) THEN
    PERFORM public.lajna_refuse(format('user %s is no social worker of file %s',
                                       NEW.social_worker_id, NEW.case_id),
                                'casework_assignment');
  END IF;
  IF NEW.psychologist_id IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW.psychologist_id IS DISTINCT FROM OLD.psychologist_id)
     AND NOT public.lajna_serves_case(NEW.psychologist_id, 'psychologist', NEW.case_id,
                                      NEW.facility) THEN
    PERFORM public.lajna_refuse(format('user %s is no psychologist of file %s',
                                       NEW.psychologist_id, NEW.case_id),
                                'casework_assignment');
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Functions: who the person acting is, and what they read.

-- The id of the person acting.
CREATE OR REPLACE FUNCTION lajna_my_user_id() RETURNS integer
LANGUAGE sql STABLE
RETURN (SELECT u.id FROM app_user u WHERE u.login = lajna_actor());

-- The reports and plans, and their kinds, read by every role.
CREATE OR REPLACE FUNCTION lajna_grant_reports() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_group text;
BEGIN
  FOREACH v_group IN ARRAY ARRAY['lajna_clerk', 'lajna_member', 'lajna_rapporteur', 'lajna_chair',
                                 'lajna_signatory', 'lajna_admin', 'lajna_social_worker',
                                 'lajna_psychologist'] LOOP
    EXECUTE format('GRANT SELECT ON public.report_kind, public.report_section,'
                   ' public.case_report, public.case_report_section, public.case_plan_goal,'
                   ' public.case_plan_review TO %I', v_group);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------
-- Functions: writing a report.

-- The kinds the person acting may begin on p_case, with the role they
-- write it in.
CREATE OR REPLACE FUNCTION lajna_report_kinds(p_case bigint)
RETURNS TABLE (code text, name_ar text, name_en text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT k.code, k.name_ar, k.name_en, min(w.role)
    FROM public.lajna_casework(public.lajna_actor()) w
    JOIN public.report_kind k ON w.role = ANY (k.roles) AND k.active
   WHERE w.case_id = p_case
   GROUP BY k.code, k.name_ar, k.name_en, k.position
   ORDER BY k.position
$$;

-- The report p_report, locked for a change by its author while they work
-- on its file; refused otherwise.
CREATE OR REPLACE FUNCTION lajna_report_mine(p_report bigint) RETURNS public.case_report
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_report public.case_report;
BEGIN
  SELECT * INTO v_report FROM public.case_report r WHERE r.id = p_report FOR UPDATE;
  IF NOT FOUND OR v_report.author_id IS DISTINCT FROM public.lajna_my_user_id()
     OR NOT EXISTS (SELECT FROM public.lajna_casework(public.lajna_actor()) w
                     WHERE w.case_id = v_report.case_id AND w.role = v_report.author_role) THEN
    PERFORM public.lajna_refuse(format('report %s is not yours to write', p_report),
                                'not_assigned');
  END IF;
  RETURN v_report;
END $$;

-- The draft p_report of the person acting, at p_row_version.
CREATE OR REPLACE FUNCTION lajna_report_draft(p_report bigint, p_row_version integer)
RETURNS public.case_report
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_report public.case_report := public.lajna_report_mine(p_report);
BEGIN
  IF v_report.state <> 'draft' THEN
    PERFORM public.lajna_refuse(format('report %s is on record', p_report), 'report_not_draft');
  END IF;
  IF v_report.row_version <> p_row_version THEN
    RAISE EXCEPTION 'report % is at version %, not %', p_report, v_report.row_version,
                    p_row_version USING ERRCODE = 'LJ409';
  END IF;
  RETURN v_report;
END $$;

-- Begins a report of p_kind on p_case; an open draft of the person's of
-- the same kind is returned instead of a second one.
CREATE OR REPLACE FUNCTION lajna_report_create(p_case bigint, p_kind text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_role text;
  v_id   bigint;
BEGIN
  SELECT k.role INTO v_role FROM public.lajna_report_kinds(p_case) k WHERE k.code = p_kind;
  IF v_role IS NULL THEN
    PERFORM public.lajna_refuse(format('no report %s of yours on file %s', p_kind, p_case),
                                'not_assigned');
  END IF;
  SELECT r.id INTO v_id FROM public.case_report r
   WHERE r.case_id = p_case AND r.kind_code = p_kind AND r.state = 'draft' AND r.version = 1
     AND r.author_id = public.lajna_my_user_id();
  IF FOUND THEN
    RETURN v_id;
  END IF;
  v_id := nextval(pg_catalog.pg_get_serial_sequence('public.case_report', 'id'));
  INSERT INTO public.case_report (id, case_id, kind_code, author_id, author_role, series_id)
    OVERRIDING SYSTEM VALUE
    VALUES (v_id, p_case, p_kind, public.lajna_my_user_id(), v_role, v_id);
  INSERT INTO public.case_report_section (report_id, code, position, title_ar, title_en,
                                          prompt_ar, prompt_en, required)
    SELECT v_id, s.code, s.position, s.title_ar, s.title_en, s.prompt_ar, s.prompt_en, s.required
      FROM public.report_section s WHERE s.kind_code = p_kind;
  PERFORM public.lajna_audit('report.create', 'case_report', v_id,
                             jsonb_build_object('case', p_case, 'kind', p_kind));
  RETURN v_id;
END $$;

-- Saves a draft's sections (an object from section code to text);
-- returns the new row version.
CREATE OR REPLACE FUNCTION lajna_report_save(p_report bigint, p_row_version integer, p_bodies jsonb)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_report public.case_report := public.lajna_report_draft(p_report, p_row_version);
BEGIN
  IF jsonb_typeof(p_bodies) IS DISTINCT FROM 'object' OR EXISTS (
       SELECT FROM jsonb_each(p_bodies) b
        WHERE jsonb_typeof(b.value) <> 'string'
           OR NOT EXISTS (SELECT FROM public.case_report_section s
                           WHERE s.report_id = p_report AND s.code = b.key)) THEN
    RAISE EXCEPTION 'a report''s sections are given by their codes, as text'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT FROM jsonb_each_text(p_bodies) b WHERE public.lajna_has_bidi_control(b.value))
  THEN
    PERFORM public.lajna_refuse('a report holds no direction controls', 'bidi_control');
  END IF;
  IF EXISTS (SELECT FROM jsonb_each_text(p_bodies) b WHERE char_length(b.value) > 20000) THEN
    PERFORM public.lajna_refuse('a section holds at most 20000 characters', 'text_length');
  END IF;
  UPDATE public.case_report_section s SET body = b.value
    FROM jsonb_each_text(p_bodies) b
   WHERE s.report_id = p_report AND s.code = b.key AND s.body IS DISTINCT FROM b.value;
  UPDATE public.case_report r SET row_version = r.row_version + 1, updated_at = now()
   WHERE r.id = p_report;
  PERFORM public.lajna_audit('report.save', 'case_report', p_report, '{}');
  RETURN v_report.row_version + 1;
END $$;

-- Throws a draft away.
CREATE OR REPLACE FUNCTION lajna_report_discard(p_report bigint, p_row_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_report public.case_report := public.lajna_report_draft(p_report, p_row_version);
BEGIN
  DELETE FROM public.case_report r WHERE r.id = p_report;
  PERFORM public.lajna_audit('report.discard', 'case_file', v_report.case_id,
                             jsonb_build_object('report', p_report, 'kind', v_report.kind_code,
                                                'version', v_report.version));
END $$;

-- Submits a draft whose required sections are written, with its printed
-- form (p_pdf, p_pages pages, a preview picture each): it becomes the
-- file's document of its author's type, dated the day the series was
-- first submitted. Returns the document's id.
CREATE OR REPLACE FUNCTION lajna_report_submit(p_report bigint, p_row_version integer, p_pdf bytea,
                                    p_pages integer, p_previews bytea[])
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_report  public.case_report := public.lajna_report_draft(p_report, p_row_version);
  v_missing text;
  v_issued  date;
  v_title   text;
  v_doc     bigint;
BEGIN
  SELECT string_agg(s.title_ar, '، ' ORDER BY s.position) INTO v_missing
    FROM public.case_report_section s
   WHERE s.report_id = p_report AND s.required AND btrim(s.body) = '';
  IF v_missing IS NOT NULL THEN
    PERFORM public.lajna_refuse(format('sections to write: %s', v_missing), 'report_required');
  END IF;
  IF p_pdf IS NULL OR substring(p_pdf FROM 1 FOR 5) <> '\x255044462d'::bytea
     OR p_pages IS NULL OR p_pages NOT BETWEEN 1 AND 200
     OR cardinality(coalesce(p_previews, '{}')) NOT IN (0, p_pages) THEN
    RAISE EXCEPTION 'a report is submitted with its PDF, its pages and a preview of each'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT coalesce(min(r.submitted_on), public.lajna_today()) INTO v_issued
    FROM public.case_report r WHERE r.series_id = v_report.series_id AND r.state <> 'draft';
  SELECT k.name_ar || CASE WHEN v_report.version > 1
                           THEN ' (' || v_report.version || ')' ELSE '' END
    INTO v_title FROM public.report_kind k WHERE k.code = v_report.kind_code;
  INSERT INTO public.document (case_id, type_code, title, mime_type, pages, byte_size, sha256,
                               source, issued_on, added_by, report_id)
    VALUES (v_report.case_id, v_report.author_role || '_report', v_title, 'application/pdf',
            p_pages, octet_length(p_pdf), sha256(p_pdf), 'report', v_issued,
            public.lajna_actor(), p_report)
    RETURNING id INTO v_doc;
  INSERT INTO public.document_blob (document_id, original) VALUES (v_doc, p_pdf);
  INSERT INTO public.document_preview (document_id, page, size, png)
    SELECT v_doc, p.page, 30, p.png
      FROM unnest(p_previews) WITH ORDINALITY AS p (png, page);
  UPDATE public.case_report r
     SET state = 'submitted', submitted_at = now(), submitted_on = public.lajna_today(),
         document_id = v_doc, row_version = r.row_version + 1, updated_at = now()
   WHERE r.id = p_report;
  PERFORM public.lajna_audit('report.submit', 'case_report', p_report,
                             jsonb_build_object('document', v_doc, 'version', v_report.version));
  RETURN v_doc;
END $$;

-- Begins the correction of the latest version of a report on record: a
-- draft of the next version, with the same text, and p_reason.
CREATE OR REPLACE FUNCTION lajna_report_correct(p_report bigint, p_reason text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_report public.case_report := public.lajna_report_mine(p_report);
  v_reason text := btrim(coalesce(p_reason, ''));
  v_id     bigint;
BEGIN
  IF v_report.state = 'draft' OR EXISTS (SELECT FROM public.case_report r
                                          WHERE r.series_id = v_report.series_id
                                            AND r.version > v_report.version) THEN
    PERFORM public.lajna_refuse(format('report %s is not the latest on record', p_report),
                                'report_superseded');
  END IF;
  IF v_reason = '' THEN
    PERFORM public.lajna_refuse('a correction gives its reason', 'correction_reason');
  ELSIF public.lajna_has_bidi_control(v_reason) THEN
    PERFORM public.lajna_refuse('a reason holds no direction controls', 'bidi_control');
  ELSIF char_length(v_reason) > 2000 THEN
    PERFORM public.lajna_refuse('a reason holds at most 2000 characters', 'text_length');
  END IF;
  INSERT INTO public.case_report (case_id, kind_code, author_id, author_role, series_id, version,
                                  corrects, reason)
    VALUES (v_report.case_id, v_report.kind_code, v_report.author_id, v_report.author_role,
            v_report.series_id, v_report.version + 1, p_report, v_reason)
    RETURNING id INTO v_id;
  INSERT INTO public.case_report_section (report_id, code, position, title_ar, title_en,
                                          prompt_ar, prompt_en, required, body)
    SELECT v_id, s.code, s.position, s.title_ar, s.title_en, s.prompt_ar, s.prompt_en,
           s.required, s.body
      FROM public.case_report_section s WHERE s.report_id = p_report;
  PERFORM public.lajna_audit('report.correct', 'case_report', v_id,
                             jsonb_build_object('corrects', p_report, 'reason', v_reason));
  RETURN v_id;
END $$;

-- The chair or rapporteur marks a submitted report reviewed.
CREATE OR REPLACE FUNCTION lajna_report_lock(p_report bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE public.case_report r SET state = 'locked', locked_at = now()
    FROM public.case_file c
   WHERE r.id = p_report AND r.state = 'submitted' AND c.id = r.case_id
     AND c.committee_id = ANY (public.lajna_my_committees(ARRAY['chair', 'rapporteur']));
  IF NOT FOUND THEN
    PERFORM public.lajna_refuse(format('report %s cannot be locked by %s', p_report,
                                       public.lajna_actor()), 'report_lock');
  END IF;
  PERFORM public.lajna_audit('report.lock', 'case_report', p_report, '{}');
END $$;

-- A report's document changes only with its report, through the
-- functions above.
CREATE OR REPLACE FUNCTION lajna_guard_report_document() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT public.lajna_by_owner(TG_RELID)
     AND ((TG_OP <> 'INSERT' AND OLD.source = 'report')
          OR (TG_OP <> 'DELETE' AND NEW.source = 'report')) THEN
    PERFORM public.lajna_refuse('a report''s document changes only with its report',
                                'report_document');
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- Only a draft changes or goes; a submitted report only becomes locked.
CREATE OR REPLACE FUNCTION lajna_guard_report() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF OLD.state = 'draft' OR public.lajna_loading_history() THEN
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT FROM public.case_file c WHERE c.id = OLD.case_id) THEN
      PERFORM public.lajna_refuse(format('report %s is on record', OLD.id), 'report_not_draft');
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.state <> 'locked'
     OR (NEW.case_id, NEW.kind_code, NEW.author_id, NEW.author_role, NEW.series_id, NEW.version,
         NEW.corrects, NEW.reason, NEW.submitted_at, NEW.submitted_on, NEW.document_id)
        IS DISTINCT FROM
        (OLD.case_id, OLD.kind_code, OLD.author_id, OLD.author_role, OLD.series_id, OLD.version,
         OLD.corrects, OLD.reason, OLD.submitted_at, OLD.submitted_on, OLD.document_id) THEN
    PERFORM public.lajna_refuse(format('report %s is on record', OLD.id), 'report_not_draft');
  END IF;
  RETURN NEW;
END $$;

-- A report's sections change only while it is a draft.
CREATE OR REPLACE FUNCTION lajna_guard_report_section() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (SELECT r.state FROM public.case_report r WHERE r.id = OLD.report_id) <> 'draft'
     AND NOT public.lajna_loading_history() THEN
    PERFORM public.lajna_refuse(format('report %s is on record', OLD.report_id),
                                'report_not_draft');
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

-- A decision on a file locks the reports it was taken on.
CREATE OR REPLACE FUNCTION lajna_lock_reports_decided() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE public.case_report r SET state = 'locked', locked_at = now(), locked_by = NEW.id
   WHERE r.case_id = NEW.case_id AND r.state = 'submitted';
  RETURN NULL;
END $$;

-- The reports due before a juvenile file's next review: for each of its
-- social worker and psychologist, when the file holds no report of theirs
-- valid on the day of the review. Reviews in the next p_within days, or
-- already overdue, count. A social worker or psychologist is told of their
-- own reports; a committee's people, of every one on their files.
CREATE OR REPLACE FUNCTION lajna_reports_due(p_within integer DEFAULT 14)
RETURNS TABLE (case_id bigint, role text, assignee_id integer, next_review_on date,
               valid_until date)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT due.case_id, due.role, due.assignee_id, due.next_review_on, due.valid_until
    FROM (SELECT f.case_id, a.role, a.assignee_id, f.next_review_on, f.committee_id,
                 (SELECT max(coalesce(d.issued_on, d.added_at::date) + t.valid_days)
                    FROM document d JOIN document_type t ON t.code = d.type_code
                   WHERE d.case_id = f.case_id AND d.type_code = a.role || '_report')
                   AS valid_until
            FROM case_follow_up f
            JOIN juvenile_case j ON j.case_id = f.case_id
           CROSS JOIN LATERAL (VALUES ('social_worker', j.social_worker_id),
                                      ('psychologist', j.psychologist_id)) a (role, assignee_id)
           WHERE f.next_review_on <= current_date + p_within AND a.assignee_id IS NOT NULL) due
   WHERE (due.valid_until IS NULL OR due.valid_until < due.next_review_on)
     AND (due.assignee_id = lajna_my_user_id()
          OR due.committee_id = ANY (lajna_my_committees()) OR lajna_acting_superuser());
END;

-- ---------------------------------------------------------------------
-- Functions: the case plan, its goals and their reviews.

-- Whether the person acting works on p_case's plan: its social worker or
-- psychologist, or a clerk, rapporteur or chair of its committee; and
-- whether it is a juvenile file.
CREATE OR REPLACE FUNCTION lajna_plan_may_write(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT FROM public.case_file c
     WHERE c.id = p_case AND c.kind = 'juvenile'
       AND (c.committee_id = ANY (public.lajna_my_committees(ARRAY['clerk', 'rapporteur', 'chair']))
            OR c.id = ANY (public.lajna_my_cases())))
$$;

-- Refuses unless the person acting works on p_case's plan.
CREATE OR REPLACE FUNCTION lajna_plan_check(p_case bigint) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT public.lajna_plan_may_write(p_case) THEN
    PERFORM public.lajna_refuse(format('no plan of file %s for %s', p_case,
                                       public.lajna_actor()), 'plan_writer');
  END IF;
END $$;

-- Adds a goal to p_case's plan; returns its id.
CREATE OR REPLACE FUNCTION lajna_plan_goal_add(p_case bigint, p_domain text, p_goal text, p_target_on date)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_goal text := btrim(coalesce(p_goal, ''));
  v_id   bigint;
BEGIN
  PERFORM public.lajna_plan_check(p_case);
  IF v_goal = '' THEN
    PERFORM public.lajna_refuse('a goal says what is aimed at', 'name_required');
  ELSIF public.lajna_has_bidi_control(v_goal) THEN
    PERFORM public.lajna_refuse('a goal holds no direction controls', 'bidi_control');
  ELSIF char_length(v_goal) > 2000 THEN
    PERFORM public.lajna_refuse('a goal holds at most 2000 characters', 'text_length');
  END IF;
  INSERT INTO public.case_plan_goal (case_id, domain, goal, target_on, created_by)
    VALUES (p_case, p_domain, v_goal, p_target_on, public.lajna_my_user_id())
    RETURNING id INTO v_id;
  PERFORM public.lajna_audit('plan.add', 'case_plan_goal', v_id,
                             jsonb_build_object('case', p_case, 'domain', p_domain));
  RETURN v_id;
END $$;

-- Reviews a goal today: its status from today, and a note.
CREATE OR REPLACE FUNCTION lajna_plan_goal_review(p_goal bigint, p_status text, p_note text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_case bigint := (SELECT g.case_id FROM public.case_plan_goal g WHERE g.id = p_goal);
  v_note text := btrim(coalesce(p_note, ''));
BEGIN
  PERFORM public.lajna_plan_check(v_case);
  IF public.lajna_has_bidi_control(v_note) THEN
    PERFORM public.lajna_refuse('a note holds no direction controls', 'bidi_control');
  ELSIF char_length(v_note) > 2000 THEN
    PERFORM public.lajna_refuse('a note holds at most 2000 characters', 'text_length');
  END IF;
  INSERT INTO public.case_plan_review (goal_id, reviewed_on, status, note, reviewer_id)
    VALUES (p_goal, public.lajna_today(), p_status, v_note, public.lajna_my_user_id());
  UPDATE public.case_plan_goal g SET status = p_status WHERE g.id = p_goal;
  PERFORM public.lajna_audit('plan.review', 'case_plan_goal', p_goal,
                             jsonb_build_object('status', p_status));
END $$;

-- ---------------------------------------------------------------------
-- Triggers.

CREATE OR REPLACE TRIGGER document_report_guard BEFORE INSERT OR UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION lajna_guard_report_document();

CREATE OR REPLACE TRIGGER case_report_guard BEFORE UPDATE OR DELETE ON case_report
  FOR EACH ROW EXECUTE FUNCTION lajna_guard_report();

CREATE OR REPLACE TRIGGER case_report_section_guard BEFORE UPDATE OR DELETE ON case_report_section
  FOR EACH ROW EXECUTE FUNCTION lajna_guard_report_section();

CREATE OR REPLACE TRIGGER decision_locks_reports AFTER INSERT ON decision
  FOR EACH ROW EXECUTE FUNCTION lajna_lock_reports_decided();

-- The assignment is checked after the row, so that a file registered by
-- one statement (its case_file row written alongside) is seen.
CREATE OR REPLACE TRIGGER juvenile_case_assignment
  AFTER INSERT OR UPDATE OF social_worker_id, psychologist_id ON juvenile_case
  FOR EACH ROW EXECUTE FUNCTION lajna_check_casework_assignment();

-- ---------------------------------------------------------------------
-- Policies: a file read by whoever works on it, and the reports and
-- plans by the file's rule.
--
-- The casework groups, which the policies below name.
SELECT lajna_grant_casework();

-- A file, and its follow-up, read by whoever works on it: read only,
-- beside the committee's own rule. Every table reached through the file
-- (the juvenile, the history, the documents, the notices) follows, its own
-- rule reading case_file under this one. Only for the casework groups: the
-- others' queries keep their plans, which the rule ORed in would turn into
-- scans of every file.
DROP POLICY IF EXISTS casework_read ON case_file;
CREATE POLICY casework_read ON case_file FOR SELECT
  TO lajna_social_worker, lajna_psychologist
  USING (id = ANY ((SELECT lajna_my_cases())::bigint[]));

DROP POLICY IF EXISTS casework_read ON case_follow_up;
CREATE POLICY casework_read ON case_follow_up FOR SELECT
  TO lajna_social_worker, lajna_psychologist
  USING (case_id = ANY ((SELECT lajna_my_cases())::bigint[]));

-- Whoever sees the file reads its submitted reports; a draft, only its
-- author.
SELECT lajna_protect('case_report',
                     'EXISTS (SELECT FROM case_file c WHERE c.id = case_id)'
                     ' AND (state <> ''draft'' OR author_id = (SELECT lajna_my_user_id()))',
                     'false');

SELECT lajna_protect_names('case_report', 'case_id');

SELECT lajna_register_audit_object('case_report', 'case_id', 'case_file');

-- A report's sections, seen through their report.
SELECT lajna_protect('case_report_section',
                     'EXISTS (SELECT FROM case_report r WHERE r.id = report_id)', 'false');

-- A plan's goals, seen through their file, and their reviews through
-- their goal; written only through the plan's functions.
SELECT lajna_protect('case_plan_goal', 'EXISTS (SELECT FROM case_file c WHERE c.id = case_id)',
                     'false');

SELECT lajna_protect_names('case_plan_goal', 'case_id');

SELECT lajna_register_audit_object('case_plan_goal', 'case_id', 'case_file');

SELECT lajna_protect('case_plan_review',
                     'EXISTS (SELECT FROM case_plan_goal g WHERE g.id = goal_id)', 'false');

-- ---------------------------------------------------------------------
-- Rights: called only by Lajna's own functions, with their owner's rights:
-- the follow-up's (model/cases/cases.sql) and the casework's, in one
-- statement after both are made.
REVOKE EXECUTE ON FUNCTION
  lajna_follow_up_refresh(bigint),
  lajna_follow_up_fill(),
  lajna_report_mine(bigint),
  lajna_report_draft(bigint, integer),
  lajna_plan_check(bigint)
  FROM PUBLIC;
