-- People by their names. Rows and audit events name the person acting by
-- login (who entered a vote, opened a document, registered a file), as
-- the database knows them; a person reads the full name instead. Each
-- person keeps their own name, and the administrator of a committee those
-- of its people, through one function that checks who asks.
--
-- The embedded database's own account acts too (it is the person using
-- Lajna on that computer), but it is the server's administrator, not a
-- person of a committee: it holds no role, signs nothing and is no
-- meeting's secretary, so it is not in app_user. Its name is kept apart,
-- readable only through the functions below.

CREATE TABLE account_name (
  login     text PRIMARY KEY,
  full_name text NOT NULL CHECK (full_name <> '')
);
REVOKE ALL ON account_name FROM PUBLIC;

-- p_login's full name: a person's, or an account's; the login itself for
-- one Lajna knows no name of.
CREATE FUNCTION lajna_user_name(p_login text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN coalesce((SELECT nullif(u.full_name, '') FROM public.app_user u WHERE u.login = p_login),
                (SELECT a.full_name FROM public.account_name a WHERE a.login = p_login),
                p_login);

-- Renames p_login to p_full_name (trimmed, one line, without bidi
-- controls). Allowed to the person themselves, to an administrator of a
-- committee they hold a role on, and to the server's superuser; recorded
-- in the audit trail.
CREATE FUNCTION lajna_user_set_full_name(p_login text, p_full_name text) RETURNS void
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
CREATE FUNCTION lajna_user_register_owner(p_full_name text) RETURNS void
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
