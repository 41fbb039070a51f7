-- A juvenile file's case plan: goals (education, work, counselling, the
-- family, health, behaviour), each with a target day and a status,
-- reviewed at each periodic review; every review stays, with who made
-- it, on which day, and its note. The file's social worker and
-- psychologist, and its committee's clerk, rapporteur and chair, set and
-- review goals, through the functions below only; whoever reads the file
-- reads its plan.

CREATE TABLE case_plan_goal (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  domain     text NOT NULL CHECK (domain IN ('education', 'vocational', 'counselling', 'family',
                                             'health', 'behaviour', 'other')),
  goal       text NOT NULL CHECK (btrim(goal) <> '' AND char_length(goal) <= 2000
                                  AND NOT lajna_has_bidi_control(goal)),
  target_on  date,
  status     text NOT NULL DEFAULT 'open'
             CHECK (status IN ('open', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
  created_by integer NOT NULL REFERENCES app_user,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_plan_goal_case ON case_plan_goal (case_id);

CREATE TABLE case_plan_review (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  goal_id     bigint NOT NULL REFERENCES case_plan_goal ON DELETE CASCADE,
  reviewed_on date NOT NULL,
  status      text NOT NULL
              CHECK (status IN ('open', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
  note        text NOT NULL DEFAULT ''
              CHECK (char_length(note) <= 2000 AND NOT lajna_has_bidi_control(note)),
  reviewer_id integer NOT NULL REFERENCES app_user,
  reviewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_plan_review_goal ON case_plan_review (goal_id);

SELECT lajna_protect('case_plan_goal', 'EXISTS (SELECT FROM case_file c WHERE c.id = case_id)',
                     'false');
SELECT lajna_protect_names('case_plan_goal', 'case_id');
SELECT lajna_register_audit_object('case_plan_goal', 'case_id', 'case_file');
SELECT lajna_protect('case_plan_review',
                     'EXISTS (SELECT FROM case_plan_goal g WHERE g.id = goal_id)', 'false');

-- 0040's, with the plans.
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

SELECT lajna_grant_access();

-- Whether the person acting works on p_case's plan: its social worker or
-- psychologist, or a clerk, rapporteur or chair of its committee; and
-- whether it is a juvenile file.
CREATE FUNCTION lajna_plan_may_write(p_case bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT FROM public.case_file c
     WHERE c.id = p_case AND c.kind = 'juvenile'
       AND (c.committee_id = ANY (public.lajna_my_committees(ARRAY['clerk', 'rapporteur', 'chair']))
            OR c.id = ANY (public.lajna_my_cases())))
$$;

CREATE FUNCTION lajna_plan_check(p_case bigint) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT public.lajna_plan_may_write(p_case) THEN
    PERFORM public.lajna_refuse(format('no plan of file %s for %s', p_case,
                                       public.lajna_actor()), 'plan_writer');
  END IF;
END $$;

-- Adds a goal to p_case's plan; returns its id.
CREATE FUNCTION lajna_plan_goal_add(p_case bigint, p_domain text, p_goal text, p_target_on date)
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

-- Reviews a goal today: its status now, and a note.
CREATE FUNCTION lajna_plan_goal_review(p_goal bigint, p_status text, p_note text)
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
