-- Reports a juvenile file's social worker and psychologist write in the
-- application: a social inquiry, a psychological assessment, a periodic
-- progress report, an aftercare follow-up. A kind's sections are data
-- (title, prompt, required or not). A report is a draft its author edits,
-- then submitted: frozen, read by the committee, and stored as the file's
-- document of its author's type (the checklist's social worker's or
-- psychologist's report), so that the checklist, the follow-up and the
-- meetings take it as a scanned one. A decision on the file, or its chair
-- or rapporteur, locks it. A correction is the next version of the same
-- report, with its reason; it keeps the first version's date, so that a
-- correction does not renew the report's validity.
--
-- Nobody writes these tables but through the functions below, which run
-- with the owner's rights and check the person acting themselves.

CREATE TABLE report_kind (
  code     text PRIMARY KEY,
  name_ar  text NOT NULL,
  name_en  text NOT NULL,
  -- Who writes it.
  roles    text[] NOT NULL CHECK (roles <> '{}'
                                  AND roles <@ ARRAY['social_worker', 'psychologist']),
  position integer NOT NULL UNIQUE,
  active   boolean NOT NULL DEFAULT true
);

CREATE TABLE report_section (
  kind_code text NOT NULL REFERENCES report_kind,
  code      text NOT NULL CHECK (code ~ '^[a-z][a-z_]{0,40}$'),
  position  integer NOT NULL CHECK (position > 0),
  title_ar  text NOT NULL,
  title_en  text NOT NULL,
  prompt_ar text NOT NULL DEFAULT '',
  prompt_en text NOT NULL DEFAULT '',
  required  boolean NOT NULL DEFAULT true,
  PRIMARY KEY (kind_code, code),
  UNIQUE (kind_code, position)
);

INSERT INTO report_kind (code, name_ar, name_en, roles, position) VALUES
  ('social_inquiry', 'تقرير البحث الاجتماعي', 'Social inquiry', '{social_worker}', 1),
  ('psychological_assessment', 'تقرير التقييم النفسي', 'Psychological assessment',
   '{psychologist}', 2),
  ('periodic_progress', 'تقرير المتابعة الدورية', 'Periodic progress',
   '{social_worker,psychologist}', 3),
  ('aftercare_follow_up', 'تقرير الرعاية اللاحقة', 'Aftercare follow-up', '{social_worker}', 4);

INSERT INTO report_section (kind_code, code, position, title_ar, title_en, prompt_ar, prompt_en,
                            required) VALUES
  ('social_inquiry', 'family', 1, 'الظروف الأسرية', 'Family circumstances',
   'من يعيش مع الحدث، المسكن، دخل الأسرة، والعلاقات داخلها.',
   'Who the juvenile lives with, the home, the family''s income and relations within it.', true),
  ('social_inquiry', 'education', 2, 'التعليم والعمل', 'Education and work',
   'آخر صف دراسي، الانتظام في الدراسة، أي عمل سابق.',
   'The last school year, attendance, any work before.', true),
  ('social_inquiry', 'circumstances', 3, 'ظروف الواقعة', 'Circumstances of the case',
   'ما أدى إلى إيداع الحدث كما رواه هو وأسرته.',
   'What led to the juvenile''s placement, as they and their family tell it.', true),
  ('social_inquiry', 'surroundings', 4, 'البيئة والأصدقاء', 'Surroundings and friends',
   'الحي، الرفاق، أوقات الفراغ.', 'The neighbourhood, friends, free time.', false),
  ('social_inquiry', 'recommendations', 5, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true),
  ('psychological_assessment', 'observation', 1, 'الملاحظة والمقابلة', 'Observation and interview',
   'سلوك الحدث في المقابلة، المزاج، التواصل.',
   'The juvenile''s behaviour in the interview, mood, communication.', true),
  ('psychological_assessment', 'tests', 2, 'الاختبارات المستخدمة ونتائجها', 'Tests and results',
   'اسم كل اختبار، تاريخه، ونتيجته.', 'Each test''s name, date and result.', false),
  ('psychological_assessment', 'assessment', 3, 'التقييم النفسي', 'Assessment',
   'الصورة النفسية للحدث، ونقاط القوة والاحتياج.',
   'The juvenile''s psychological picture, strengths and needs.', true),
  ('psychological_assessment', 'recommendations', 4, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true),
  ('periodic_progress', 'progress', 1, 'التقدم في البرنامج', 'Progress in the programme',
   'ما تحقق من أهداف الخطة منذ التقرير السابق.',
   'What the plan''s goals achieved since the last report.', true),
  ('periodic_progress', 'behaviour', 2, 'السلوك داخل الدار', 'Behaviour in the home',
   'الانضباط، العلاقات مع الزملاء والمشرفين.', 'Discipline, relations with peers and staff.', true),
  ('periodic_progress', 'family_contact', 3, 'التواصل مع الأسرة', 'Contact with the family',
   'الزيارات والاتصالات ونتائجها.', 'Visits and calls, and how they went.', false),
  ('periodic_progress', 'recommendations', 4, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true),
  ('aftercare_follow_up', 'situation', 1, 'الوضع بعد الخروج', 'Situation since release',
   'أين يقيم الحدث ومع من، وكيف يمضي يومه.',
   'Where and with whom the juvenile lives, and how they spend their days.', true),
  ('aftercare_follow_up', 'integration', 2, 'الاندماج الأسري والاجتماعي',
   'Family and social integration', 'العلاقة بالأسرة والحي، وأي صعوبات.',
   'Relations with the family and neighbourhood, and any difficulties.', true),
  ('aftercare_follow_up', 'education', 3, 'الدراسة أو العمل', 'School or work',
   'العودة إلى الدراسة أو التدريب أو العمل.', 'Return to school, training or work.', false),
  ('aftercare_follow_up', 'recommendations', 4, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true);

CREATE TABLE case_report (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  kind_code    text NOT NULL REFERENCES report_kind,
  author_id    integer NOT NULL REFERENCES app_user,
  author_role  text NOT NULL CHECK (author_role IN ('social_worker', 'psychologist')),
  -- The first version's id; a correction is the next version of a series.
  series_id    bigint NOT NULL REFERENCES case_report,
  version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
  corrects     bigint UNIQUE REFERENCES case_report,
  reason       text NOT NULL DEFAULT ''
               CHECK (char_length(reason) <= 2000 AND NOT lajna_has_bidi_control(reason)),
  state        text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'locked')),
  row_version  integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  submitted_on date,
  document_id  bigint UNIQUE,
  locked_at    timestamptz,
  -- The decision that locked it, or NULL when its chair or rapporteur did.
  locked_by    bigint REFERENCES decision,
  UNIQUE (series_id, version),
  CHECK ((version = 1) = (corrects IS NULL)),
  CHECK (version = 1 OR reason <> ''),
  CHECK ((state = 'draft') = (submitted_at IS NULL)),
  CHECK ((state = 'draft') = (document_id IS NULL)),
  CHECK ((state = 'locked') = (locked_at IS NOT NULL))
);
CREATE UNIQUE INDEX case_report_one_draft ON case_report (series_id) WHERE state = 'draft';
CREATE INDEX case_report_case ON case_report (case_id, kind_code);

CREATE TABLE case_report_section (
  report_id bigint NOT NULL REFERENCES case_report ON DELETE CASCADE,
  code      text NOT NULL,
  position  integer NOT NULL,
  -- As the kind had them when the report began.
  title_ar  text NOT NULL,
  title_en  text NOT NULL,
  prompt_ar text NOT NULL,
  prompt_en text NOT NULL,
  required  boolean NOT NULL,
  body      text NOT NULL DEFAULT ''
            CHECK (char_length(body) <= 20000 AND NOT lajna_has_bidi_control(body)),
  PRIMARY KEY (report_id, code)
);

-- A submitted report is its file's document, written only by the
-- functions below.
ALTER TABLE document DROP CONSTRAINT document_source_check;
ALTER TABLE document ADD CONSTRAINT document_source_check
  CHECK (source IN ('scan', 'import', 'report'));
ALTER TABLE document ADD COLUMN report_id bigint UNIQUE REFERENCES case_report;
ALTER TABLE document ADD CONSTRAINT document_report_source
  CHECK ((source = 'report') = (report_id IS NOT NULL));
ALTER TABLE case_report ADD CONSTRAINT case_report_document
  FOREIGN KEY (document_id) REFERENCES document DEFERRABLE INITIALLY DEFERRED;

-- Whether the statement running is the application's own (a function
-- running with the owner's rights), not a person's.
CREATE FUNCTION lajna_by_owner(p_table oid) RETURNS boolean
LANGUAGE sql STABLE
RETURN pg_catalog.pg_has_role(current_user,
                              (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = p_table),
                              'MEMBER');

CREATE FUNCTION lajna_guard_report_document() RETURNS trigger
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

CREATE TRIGGER document_report_guard BEFORE INSERT OR UPDATE OR DELETE ON document
  FOR EACH ROW EXECUTE FUNCTION lajna_guard_report_document();

-- Only a draft changes or goes; a submitted report only becomes locked.
CREATE FUNCTION lajna_guard_report() RETURNS trigger
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

CREATE TRIGGER case_report_guard BEFORE UPDATE OR DELETE ON case_report
  FOR EACH ROW EXECUTE FUNCTION lajna_guard_report();

CREATE FUNCTION lajna_guard_report_section() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (SELECT r.state FROM public.case_report r WHERE r.id = OLD.report_id) <> 'draft'
     AND NOT public.lajna_loading_history() THEN
    PERFORM public.lajna_refuse(format('report %s is on record', OLD.report_id),
                                'report_not_draft');
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER case_report_section_guard BEFORE UPDATE OR DELETE ON case_report_section
  FOR EACH ROW EXECUTE FUNCTION lajna_guard_report_section();

-- ---------------------------------------------------------------------
-- Who reads them.

CREATE FUNCTION lajna_my_user_id() RETURNS integer
LANGUAGE sql STABLE
RETURN (SELECT u.id FROM app_user u WHERE u.login = lajna_actor());

-- Whoever sees the file reads its submitted reports; a draft, only its
-- author.
SELECT lajna_protect('case_report',
                     'EXISTS (SELECT FROM case_file c WHERE c.id = case_id)'
                     ' AND (state <> ''draft'' OR author_id = (SELECT lajna_my_user_id()))',
                     'false');
SELECT lajna_protect_names('case_report', 'case_id');
SELECT lajna_register_audit_object('case_report', 'case_id', 'case_file');
SELECT lajna_protect('case_report_section',
                     'EXISTS (SELECT FROM case_report r WHERE r.id = report_id)', 'false');

CREATE FUNCTION lajna_grant_reports() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_group text;
BEGIN
  FOREACH v_group IN ARRAY ARRAY['lajna_clerk', 'lajna_member', 'lajna_rapporteur', 'lajna_chair',
                                 'lajna_signatory', 'lajna_admin', 'lajna_social_worker',
                                 'lajna_psychologist'] LOOP
    EXECUTE format('GRANT SELECT ON public.report_kind, public.report_section,'
                   ' public.case_report, public.case_report_section TO %I', v_group);
  END LOOP;
END $$;

-- 0038's, with the reports.
CREATE OR REPLACE FUNCTION lajna_grant_access() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM lajna_grant_casework();
  PERFORM lajna_grant_committee_access();
  PERFORM lajna_grant_names_and_numbers();
  PERFORM lajna_grant_documents();
  PERFORM lajna_grant_meetings();
  PERFORM lajna_grant_rulings();
  PERFORM lajna_grant_statistics();
  PERFORM lajna_grant_reports();
  PERFORM lajna_close_schema();
END $$;

SELECT lajna_grant_access();

-- ---------------------------------------------------------------------
-- The casework of a person, by file and role.

CREATE FUNCTION lajna_casework(p_login text) RETURNS TABLE (case_id bigint, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT DISTINCT j.case_id, r.role
    FROM public.app_user u
    JOIN public.committee_role r
      ON r.user_id = u.id AND r.active AND r.role IN ('social_worker', 'psychologist')
     AND r.since <= current_date AND (r.until IS NULL OR r.until >= current_date)
    JOIN public.juvenile_case j
      ON CASE r.role WHEN 'social_worker' THEN j.social_worker_id
                     ELSE j.psychologist_id END = u.id
     AND (r.facility = '' OR r.facility = j.facility)
    JOIN public.case_file c ON c.id = j.case_id AND c.committee_id = r.committee_id
   WHERE u.login = p_login AND u.active
$$;

CREATE OR REPLACE FUNCTION lajna_casework_cases(p_login text) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT w.case_id), '{}') FROM public.lajna_casework(p_login) w
$$;

-- ---------------------------------------------------------------------
-- A file's rows written by the application for a person who works on it.

-- 0021's, run as the writer: a person writes rows of their committees'
-- files; the application's own functions, also of the files they work on.
CREATE FUNCTION lajna_case_committee_refused(p_cases bigint[], p_by_owner boolean)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT public.lajna_acting_superuser() AND EXISTS (
    SELECT FROM public.case_file c
     WHERE c.id = ANY (p_cases) AND NOT c.committee_id = ANY (public.lajna_my_committees())
       AND NOT (p_by_owner AND c.id = ANY (public.lajna_my_cases())))
$$;

CREATE OR REPLACE FUNCTION lajna_check_case_committee() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_cases bigint[];
BEGIN
  EXECUTE format('SELECT array_agg(DISTINCT a.%I) FROM added a', TG_ARGV[0]) INTO v_cases;
  IF public.lajna_case_committee_refused(v_cases, public.lajna_by_owner(TG_RELID)) THEN
    RAISE EXCEPTION 'new row violates row-level security policy for table "%"', TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

-- The file a row of p_object hangs from, as the audit trail finds it.
CREATE FUNCTION lajna_audit_case(p_object text, p_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_object text := p_object;
  v_value  bigint := p_id;
  v_step   public.audit_object;
BEGIN
  FOR i IN 1 .. 4 LOOP
    SELECT * INTO v_step FROM public.audit_object WHERE object = v_object;
    IF NOT FOUND OR v_value IS NULL THEN
      RETURN NULL;
    ELSIF v_step.relation = 'public.case_file'::regclass THEN
      RETURN v_value;
    ELSIF v_step.parent IS NULL THEN
      RETURN NULL;
    END IF;
    EXECUTE format('SELECT %I::bigint FROM %s WHERE id = $1', v_step.via, v_step.relation)
      INTO v_value USING v_value;
    v_object := v_step.parent;
  END LOOP;
  RETURN NULL;
END $$;

-- 0021's: an event may also name a row of a file the actor works on.
CREATE OR REPLACE FUNCTION lajna_audit_refusal(p_actor text, p_object text, p_object_id bigint,
                                               p_detail jsonb, p_final boolean)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_mine      integer[];
  v_committee integer;
  v_files     bigint[];
  v_seen      integer;
BEGIN
  IF coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = p_actor), false) THEN
    RETURN NULL;
  END IF;
  v_mine := public.lajna_committees_of(p_actor);
  IF jsonb_typeof(p_detail -> 'files') = 'array' THEN
    SELECT array_agg(DISTINCT f::bigint) INTO v_files
      FROM jsonb_array_elements_text(p_detail -> 'files') f;
    SELECT count(*) INTO v_seen FROM public.case_file c
     WHERE c.id = ANY (v_files) AND c.committee_id = ANY (v_mine);
    IF v_seen < cardinality(v_files) AND (p_final OR EXISTS (
          SELECT FROM public.case_file c
           WHERE c.id = ANY (v_files) AND NOT c.committee_id = ANY (v_mine))) THEN
      RETURN format('no access to every file of %s', p_detail -> 'files');
    END IF;
  ELSIF p_detail ? 'files' THEN
    RETURN 'the files of an event are a list';
  END IF;
  IF NOT EXISTS (SELECT FROM public.audit_object o WHERE o.object = p_object) THEN
    RETURN NULL;
  END IF;
  IF p_object_id IS NULL THEN
    RETURN CASE WHEN v_files IS NULL THEN format('an event about %s names its row', p_object) END;
  END IF;
  v_committee := public.lajna_audit_committee(p_object, p_object_id);
  IF (CASE WHEN v_committee IS NULL THEN p_final ELSE NOT v_committee = ANY (v_mine) END)
     AND NOT coalesce(public.lajna_audit_case(p_object, p_object_id)
                        = ANY (public.lajna_casework_cases(p_actor)), false) THEN
    RETURN format('no access to %s %s', p_object, p_object_id);
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------
-- Writing a report.

-- The kinds the person acting may begin on p_case, with the role they
-- write it in.
CREATE FUNCTION lajna_report_kinds(p_case bigint)
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
CREATE FUNCTION lajna_report_mine(p_report bigint) RETURNS public.case_report
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
CREATE FUNCTION lajna_report_draft(p_report bigint, p_row_version integer)
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
CREATE FUNCTION lajna_report_create(p_case bigint, p_kind text) RETURNS bigint
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
CREATE FUNCTION lajna_report_save(p_report bigint, p_row_version integer, p_bodies jsonb)
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
CREATE FUNCTION lajna_report_discard(p_report bigint, p_row_version integer) RETURNS void
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
CREATE FUNCTION lajna_report_submit(p_report bigint, p_row_version integer, p_pdf bytea,
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
CREATE FUNCTION lajna_report_correct(p_report bigint, p_reason text) RETURNS bigint
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
CREATE FUNCTION lajna_report_lock(p_report bigint) RETURNS void
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

-- A decision on a file locks the reports it was taken on.
CREATE FUNCTION lajna_lock_reports_decided() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE public.case_report r SET state = 'locked', locked_at = now(), locked_by = NEW.id
   WHERE r.case_id = NEW.case_id AND r.state = 'submitted';
  RETURN NULL;
END $$;

CREATE TRIGGER decision_locks_reports AFTER INSERT ON decision
  FOR EACH ROW EXECUTE FUNCTION lajna_lock_reports_decided();
