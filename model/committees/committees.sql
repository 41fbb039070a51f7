-- committees.sql: the committees, their people and their accounts.
--
-- Administration in the app: an administrator (role admin on a committee)
-- changes that committee's name, city, letterhead, quorum and dates, adds
-- committees, and manages the people of the committees they administer;
-- anyone changes their own full name. Committees and people are read by
-- every role but written only through these functions, which run with
-- their owner's rights, check who acts (lajna_actor(): the session's
-- login, whatever role it has taken on) and record every write in the
-- audit trail. People are added through lajna_user_add() (model/db/
-- access.sql), as `lajnactl user add` adds them. The server's own account,
-- which row-level security does not bind either, administers every
-- committee.
--
-- Errors a person can meet carry HINT 'lajna:<rule>' (see
-- model/db/lajna-db-rules.c).
--
-- The schema's owner applies this file after the migrations at every start
-- and after a restore (model/db/lajna-schema.c). Each statement states how
-- things are to be: applying the file again changes nothing.

-- ---------------------------------------------------------------------
-- Functions: names and who administers.

-- p_login's full name: a person's, or an account's; the login itself for
-- one Lajna knows no name of.
CREATE OR REPLACE FUNCTION lajna_user_name(p_login text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN coalesce((SELECT nullif(u.full_name, '') FROM public.app_user u WHERE u.login = p_login),
                (SELECT a.full_name FROM public.account_name a WHERE a.login = p_login),
                p_login);

-- Renames p_login to p_full_name (trimmed, one line, without bidi
-- controls). Allowed to the person themselves, to an administrator of a
-- committee they hold a role on, and to the server's superuser; recorded
-- in the audit trail.
CREATE OR REPLACE FUNCTION lajna_user_set_full_name(p_login text, p_full_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_name text := btrim(coalesce(p_full_name, ''), E' \t\n\r');
  v_user integer;
BEGIN
  IF v_name = '' OR v_name ~ '[\n\r\t]' OR public.lajna_has_bidi_control(v_name) THEN
    RAISE EXCEPTION 'a full name is one line of text, without bidi controls'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT u.id INTO v_user FROM public.app_user u WHERE u.login = p_login;
  IF NOT FOUND AND NOT EXISTS (SELECT FROM public.account_name a WHERE a.login = p_login) THEN
    RAISE EXCEPTION 'nobody has the login %', p_login USING ERRCODE = 'no_data_found';
  END IF;
  IF p_login IS DISTINCT FROM public.lajna_actor() AND NOT public.lajna_acting_superuser()
     AND NOT EXISTS (SELECT FROM public.committee_role r
                      WHERE r.user_id = v_user
                        AND r.committee_id = ANY (public.lajna_my_committees(ARRAY['admin']))) THEN
    RAISE EXCEPTION 'only % or an administrator of their committee may rename them', p_login
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_user IS NOT NULL THEN
    UPDATE public.app_user SET full_name = v_name WHERE id = v_user AND full_name <> v_name;
  ELSE
    UPDATE public.account_name SET full_name = v_name
     WHERE login = p_login AND full_name <> v_name;
  END IF;
  IF FOUND THEN
    PERFORM public.lajna_audit('user.rename', CASE WHEN v_user IS NULL THEN 'account_name'
                                                   ELSE 'app_user' END,
                               v_user, jsonb_build_object('login', p_login));
  END IF;
END $$;

-- The server's own account (the embedded database's), by the name the
-- computer knows it by: known once; a name changed later stays.
CREATE OR REPLACE FUNCTION lajna_user_register_owner(p_full_name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT lajna_acting_superuser() THEN
    RAISE EXCEPTION 'only the server''s own account registers itself'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO account_name (login, full_name)
  VALUES (lajna_actor(), coalesce(nullif(btrim(p_full_name), ''), lajna_actor()))
  ON CONFLICT (login) DO NOTHING;
  IF FOUND THEN
    PERFORM lajna_audit('user.add', 'account_name', NULL,
                        jsonb_build_object('login', lajna_actor()));
  END IF;
END $$;

-- Whether the person acting administers p_committee.
CREATE OR REPLACE FUNCTION lajna_administers(p_committee integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_acting_superuser()
      OR coalesce(p_committee = ANY (public.lajna_my_committees(ARRAY['admin'])), false)
$$;

-- Whether the person acting administers any committee: what shows them
-- the administration pages.
CREATE OR REPLACE FUNCTION lajna_administers_any() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_acting_superuser()
      OR cardinality(public.lajna_my_committees(ARRAY['admin'])) > 0
$$;

-- Refuses unless the person acting administers p_committee.
CREATE OR REPLACE FUNCTION lajna_refuse_unless_admin(p_committee integer) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_committee IS NULL OR NOT public.lajna_administers(p_committee) THEN
    RAISE EXCEPTION 'only an administrator of committee % may do this', p_committee
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;

-- A name or a line of text as a person typed it: trimmed, without bidi
-- controls, within p_max characters; non-empty unless p_may_be_empty.
CREATE OR REPLACE FUNCTION lajna_check_admin_text(p_text text, p_max integer, p_may_be_empty boolean)
RETURNS void LANGUAGE plpgsql IMMUTABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_text IS NULL OR (p_text = '' AND NOT p_may_be_empty) THEN
    RAISE EXCEPTION 'a name is required' USING ERRCODE = 'invalid_parameter_value',
      HINT = 'lajna:name_required';
  END IF;
  IF public.lajna_has_bidi_control(p_text) THEN
    RAISE EXCEPTION 'bidi control characters are refused' USING ERRCODE = 'check_violation',
      HINT = 'lajna:bidi_control';
  END IF;
  IF p_text <> btrim(p_text) OR char_length(p_text) > p_max THEN
    RAISE EXCEPTION 'text is trimmed and at most % characters', p_max
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:text_length';
  END IF;
END $$;

-- ---------------------------------------------------------------------
-- Functions: committees.

-- Changes what an administrator may change of committee p_id; a NULL
-- quorum means a majority of the meeting's members.
CREATE OR REPLACE FUNCTION lajna_committee_edit(p_id integer, p_name_ar text, p_name_en text,
                                     p_branch text, p_city text, p_letterhead text,
                                     p_quorum integer, p_hijri_dates boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_before jsonb;
  v_after  jsonb;
BEGIN
  PERFORM public.lajna_refuse_unless_admin(p_id);
  PERFORM public.lajna_check_admin_text(p_name_ar, 200, false);
  PERFORM public.lajna_check_admin_text(p_name_en, 200, false);
  PERFORM public.lajna_check_admin_text(p_branch, 200, true);
  PERFORM public.lajna_check_admin_text(p_city, 200, true);
  PERFORM public.lajna_check_admin_text(p_letterhead, 2000, true);
  IF p_quorum IS NOT NULL AND p_quorum < 1 THEN
    RAISE EXCEPTION 'a quorum is at least one member' USING ERRCODE = 'check_violation',
      HINT = 'lajna:quorum_number';
  END IF;
  IF p_hijri_dates IS NULL THEN
    RAISE EXCEPTION 'say whether rulings give Hijri dates'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT jsonb_build_object('name_ar', c.name_ar, 'name_en', c.name_en, 'branch', c.branch,
                            'city', c.city, 'letterhead', c.letterhead, 'quorum', c.quorum,
                            'hijri_dates', c.hijri_dates)
    INTO v_before FROM public.committee c WHERE c.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no committee %', p_id USING ERRCODE = 'no_data_found';
  END IF;
  v_after := jsonb_build_object('name_ar', p_name_ar, 'name_en', p_name_en, 'branch', p_branch,
                                'city', p_city, 'letterhead', p_letterhead, 'quorum', p_quorum,
                                'hijri_dates', p_hijri_dates);
  IF v_after = v_before THEN
    RETURN;
  END IF;
  UPDATE public.committee
     SET name_ar = p_name_ar, name_en = p_name_en, branch = p_branch, city = p_city,
         letterhead = p_letterhead, quorum = p_quorum, hijri_dates = p_hijri_dates
   WHERE id = p_id;
  -- Only what changed, with what it was.
  PERFORM public.lajna_audit('committee.edit', 'committee', p_id,
    (SELECT jsonb_object_agg(a.key, jsonb_build_array(v_before -> a.key, a.value))
       FROM jsonb_each(v_after) a WHERE a.value IS DISTINCT FROM v_before -> a.key));
END $$;

-- A new committee; an administrator who is not the server's own account
-- becomes its administrator too, so that they can go on setting it up.
CREATE OR REPLACE FUNCTION lajna_committee_add(p_kind text, p_code text, p_name_ar text, p_name_en text,
                                    p_city text, p_file_prefix text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id integer;
BEGIN
  IF NOT public.lajna_administers_any() THEN
    RAISE EXCEPTION 'only an administrator may add a committee'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_kind IS NULL OR p_kind NOT IN ('marriage', 'juvenile') THEN
    RAISE EXCEPTION 'a committee is of marriage or juvenile files'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_code IS NULL OR p_code !~ '^[a-z][a-z0-9-]{1,40}$' THEN
    RAISE EXCEPTION 'a code is lower-case Latin letters, digits and -, starting with a letter'
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:committee_code';
  END IF;
  PERFORM public.lajna_check_admin_text(p_name_ar, 200, false);
  PERFORM public.lajna_check_admin_text(p_name_en, 200, false);
  PERFORM public.lajna_check_admin_text(p_city, 200, true);
  IF p_file_prefix IS NULL OR p_file_prefix !~ '^[^/[:space:][:digit:]]{1,5}$'
     OR public.lajna_has_bidi_control(p_file_prefix) THEN
    RAISE EXCEPTION 'a file prefix is one to five letters'
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:file_prefix';
  END IF;
  INSERT INTO public.committee (kind, code, name_ar, name_en, city, file_prefix)
  VALUES (p_kind, p_code, p_name_ar, p_name_en, p_city, p_file_prefix)
  RETURNING id INTO v_id;
  PERFORM public.lajna_audit('committee.add', 'committee', v_id,
                             jsonb_build_object('kind', p_kind, 'code', p_code));
  IF NOT public.lajna_acting_superuser() THEN
    PERFORM public.lajna_user_add(public.lajna_actor(), '', 'admin', v_id);
  END IF;
  RETURN v_id;
END $$;

-- ---------------------------------------------------------------------
-- Functions: people.

-- Whether the person acting may change p_user's name or whether they are
-- active: themselves (for the name), the server's own account, or an
-- administrator of every committee p_user holds a role on today, unless
-- p_user is a superuser of the server.
CREATE OR REPLACE FUNCTION lajna_may_manage_user(p_user integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT public.lajna_acting_superuser()
      OR (NOT EXISTS (SELECT FROM public.app_user u JOIN pg_catalog.pg_roles s
                                                    ON s.rolname = u.login
                       WHERE u.id = p_user AND s.rolsuper)
          AND EXISTS (SELECT FROM public.committee_role r
                       WHERE r.user_id = p_user AND r.since <= current_date
                         AND (r.until IS NULL OR r.until >= current_date))
          AND NOT EXISTS (SELECT FROM public.committee_role r
                           WHERE r.user_id = p_user AND r.since <= current_date
                             AND (r.until IS NULL OR r.until >= current_date)
                             AND NOT r.committee_id
                                     = ANY (public.lajna_my_committees(ARRAY['admin']))))
$$;

-- The app_user row named by a login or by its id.
CREATE OR REPLACE FUNCTION lajna_user_named(p_user text) RETURNS public.app_user
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.* FROM public.app_user u
   WHERE u.login = p_user OR u.id::text = p_user
$$;

-- Gives p_login the role p_role on p_committee, which the person acting
-- administers; the casework roles (social worker, psychologist) are given
-- as the others. A person new to Lajna is added with p_full_name; a role
-- that ended is taken up again from today.
CREATE OR REPLACE FUNCTION lajna_person_add(p_login text, p_full_name text, p_role text,
                                 p_committee integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  PERFORM public.lajna_refuse_unless_admin(p_committee);
  IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_.]{1,62}$' THEN
    RAISE EXCEPTION 'a login is lower-case Latin letters, digits, _ and ., starting with a letter'
      USING ERRCODE = 'invalid_parameter_value', HINT = 'lajna:login';
  END IF;
  IF p_role IS NULL
     OR p_role NOT IN ('clerk', 'member', 'rapporteur', 'chair', 'signatory', 'admin',
                       'social_worker', 'psychologist') THEN
    RAISE EXCEPTION 'no role %', p_role USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_user := public.lajna_user_named(p_login);
  IF p_login ~ '^(lajna_|pg_)'
     OR EXISTS (SELECT FROM pg_catalog.pg_roles r
                 WHERE r.rolname = p_login AND (v_user.id IS NULL OR r.rolsuper)) THEN
    RAISE EXCEPTION 'the server already has a role %', p_login
      USING ERRCODE = 'unique_violation', HINT = 'lajna:login_taken';
  END IF;
  IF v_user.id IS NULL THEN
    PERFORM public.lajna_check_admin_text(p_full_name, 200, false);
  END IF;
  -- A role that ended is taken up again from today.
  UPDATE public.committee_role r SET since = current_date, until = NULL
   WHERE r.user_id = v_user.id AND r.committee_id = p_committee AND r.role = p_role
     AND r.until < current_date;
  -- A person's name changes only through lajna_user_set_full_name().
  RETURN public.lajna_user_add(p_login, CASE WHEN v_user.id IS NULL THEN p_full_name ELSE '' END,
                               p_role, p_committee);
END $$;

-- Ends p_login's role p_role on committee p_committee (yesterday, so that
-- it does not count today). An administrator does not end their own
-- administration.
CREATE OR REPLACE FUNCTION lajna_person_end_role(p_login text, p_role text, p_committee integer)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  PERFORM public.lajna_refuse_unless_admin(p_committee);
  v_user := public.lajna_user_named(p_login);
  IF v_user.login = public.lajna_actor() AND p_role = 'admin' THEN
    RAISE EXCEPTION 'an administrator does not end their own administration'
      USING ERRCODE = 'check_violation', HINT = 'lajna:own_admin';
  END IF;
  UPDATE public.committee_role r SET until = current_date - 1
   WHERE r.user_id = v_user.id AND r.committee_id = p_committee AND r.role = p_role
     AND (r.until IS NULL OR r.until >= current_date);
  IF FOUND THEN
    PERFORM public.lajna_audit('user.end_role', 'app_user', v_user.id,
                               jsonb_build_object('role', p_role, 'committee', p_committee));
  END IF;
END $$;

-- Turns p_login's account on or off as a whole: for the server's own
-- account or an administrator of every committee where p_login holds a
-- role today (lajna_may_manage_user()); nobody turns themselves off.
CREATE OR REPLACE FUNCTION lajna_person_set_active(p_login text, p_active boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  v_user := public.lajna_user_named(p_login);
  IF v_user.id IS NULL OR p_active IS NULL OR NOT public.lajna_may_manage_user(v_user.id) THEN
    RAISE EXCEPTION 'only an administrator of every committee of % may turn them on or off',
                    p_login
      USING ERRCODE = 'insufficient_privilege', HINT = 'lajna:active_everywhere';
  END IF;
  IF v_user.login = public.lajna_actor() AND NOT p_active THEN
    RAISE EXCEPTION 'nobody turns themselves off' USING ERRCODE = 'check_violation',
      HINT = 'lajna:own_active';
  END IF;
  IF v_user.active <> p_active THEN
    UPDATE public.app_user SET active = p_active WHERE id = v_user.id;
    PERFORM public.lajna_audit('user.active', 'app_user', v_user.id,
                               jsonb_build_object('active', p_active));
  END IF;
END $$;

-- Turns p_login on or off in committee p_committee, which the person
-- acting administers and where p_login holds or held a role. Nobody turns
-- themselves off, nor a superuser of the server.
CREATE OR REPLACE FUNCTION lajna_person_set_standing(p_login text, p_committee integer, p_active boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  PERFORM public.lajna_refuse_unless_admin(p_committee);
  v_user := public.lajna_user_named(p_login);
  IF v_user.id IS NULL OR p_active IS NULL
     OR NOT EXISTS (SELECT FROM public.committee_role r
                     WHERE r.user_id = v_user.id AND r.committee_id = p_committee) THEN
    RAISE EXCEPTION '% has no role on committee %', p_login, p_committee
      USING ERRCODE = 'no_data_found';
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_roles s WHERE s.rolname = v_user.login AND s.rolsuper) THEN
    RAISE EXCEPTION 'the server''s superuser % is not turned on or off', p_login
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_user.login = public.lajna_actor() AND NOT p_active THEN
    RAISE EXCEPTION 'nobody turns themselves off' USING ERRCODE = 'check_violation',
      HINT = 'lajna:own_active';
  END IF;
  UPDATE public.committee_role r SET active = p_active
   WHERE r.user_id = v_user.id AND r.committee_id = p_committee AND r.active <> p_active;
  IF FOUND THEN
    PERFORM public.lajna_audit('user.active', 'app_user', v_user.id,
                               jsonb_build_object('committee', p_committee, 'active', p_active));
  END IF;
END $$;

-- Sets p_login's password on a shared server, given as the SCRAM-SHA-256
-- verifier the workstation made of it (model/db/lajna-users.c), as a
-- parameter: the password itself never reaches the server, its log, its
-- statistics or the audit trail, which records only that it was set.
-- Anything else is refused, since the server would take it for a password
-- in clear. Setting a person's password is taking over their sign-in, and
-- with it every committee of theirs: it is allowed to the server's own
-- account and to an administrator of every committee where p_login holds a
-- role today, as turning their account on or off is
-- (lajna_may_manage_user()), and to nobody for a superuser of the
-- server.
CREATE OR REPLACE FUNCTION lajna_person_set_password(p_login text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user public.app_user;
BEGIN
  SELECT u.* INTO v_user FROM public.app_user u WHERE u.login = p_login;
  IF v_user.id IS NULL OR NOT public.lajna_may_manage_user(v_user.id) THEN
    RAISE EXCEPTION 'only an administrator of every committee of % may set their password',
                    p_login
      USING ERRCODE = 'insufficient_privilege', HINT = 'lajna:password_everywhere';
  END IF;
  IF p_verifier IS NULL
     OR p_verifier !~ ('^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+'
                       '\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$') THEN
    RAISE EXCEPTION 'a password is given as its SCRAM-SHA-256 verifier'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', v_user.login, p_verifier);
  PERFORM public.lajna_audit('user.password', 'app_user', v_user.id);
END $$;

-- ---------------------------------------------------------------------
-- Rights: called only by Lajna's own functions, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_refuse_unless_admin(integer),
  lajna_check_admin_text(text, integer, boolean),
  lajna_may_manage_user(integer),
  lajna_user_named(text),
  lajna_user_register_owner(text)
  FROM PUBLIC;
