-- rulings.sql: rulings: their templates, issuing, sealing (Ed25519, in
-- SQL), correcting and signing them, and the status a ruling gives its
-- file. The tables are made in model/db/sql/0019-rulings.sql and the
-- migrations after it; their rule by committee, with the files', in
-- model/cases/cases.sql.
--
-- The schema's owner applies this file after the migrations at every start
-- and after a restore (model/db/lajna-schema.c). Each statement states how
-- things are to be: applying the file again changes nothing.

-- ---------------------------------------------------------------------
-- Functions: templates.

-- The placeholders a text names that are not known; empty when all are.
CREATE OR REPLACE FUNCTION lajna_unknown_placeholders(p_text text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT m[1] ORDER BY m[1]), '{}')
    FROM regexp_matches(p_text, '\{([^{}]*)\}', 'g') m
   WHERE NOT EXISTS (SELECT FROM ruling_placeholder p WHERE p.name = m[1])
$$;

-- Refuses a template that names a placeholder not known.
CREATE OR REPLACE FUNCTION lajna_template_check() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_unknown text[] := lajna_unknown_placeholders(
    NEW.title || ' ' || NEW.preamble || ' ' || array_to_string(NEW.articles, ' '));
BEGIN
  IF cardinality(v_unknown) > 0 THEN
    RAISE EXCEPTION 'unknown placeholders: %', array_to_string(v_unknown, ', ')
      USING ERRCODE = 'check_violation', HINT = 'lajna:placeholder';
  END IF;
  NEW.updated_at := now();
  NEW.updated_by := lajna_actor();
  RETURN NEW;
END $$;

-- The law a committee's rulings cite, until its administrator writes its own.
CREATE OR REPLACE FUNCTION lajna_default_legal_basis(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN CASE p_kind
  WHEN 'marriage' THEN 'القانون رقم (15) لسنة 1984 بشأن زواج الليبيين من الأجانب ولائحته التنفيذية'
  ELSE 'القانون رقم (5) لسنة 1955 بشأن الأحداث، وقرار إنشاء اللجنة' END;

-- ---------------------------------------------------------------------
-- Issuing, sealing, correcting and signing.

-- Issues the ruling of decision p_decision, numbered in its committee's
-- year.
CREATE OR REPLACE FUNCTION lajna_ruling_issue(p_decision bigint,
                                              p_issued_on date DEFAULT current_date)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_committee integer;
  v_case      bigint;
  v_on        date := coalesce(p_issued_on, current_date);
  v_number    integer;
  v_id        bigint;
BEGIN
  SELECT c.committee_id, c.id INTO v_committee, v_case
    FROM public.decision_now d JOIN public.case_file c ON c.id = d.case_id
   WHERE d.id = p_decision
     AND (public.lajna_acting_superuser() OR c.committee_id = ANY (public.lajna_my_committees()));
  IF NOT FOUND THEN
    RAISE EXCEPTION 'decision % is not in force', p_decision USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT public.lajna_may_issue(v_committee) THEN
    RAISE EXCEPTION 'only a clerk, the chair or a signatory of the committee issues its rulings'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- One workstation at a time issues a file's ruling: the second waits,
  -- then finds the ruling the first issued.
  PERFORM pg_advisory_xact_lock(hashtext('lajna_ruling_issue'), (v_case % 2147483647)::integer);
  IF public.lajna_decision_ruling(p_decision) IS NOT NULL THEN
    PERFORM public.lajna_refuse(format('decision %s already has its ruling', p_decision),
                                'ruling_issued');
  END IF;
  INSERT INTO public.ruling_counter AS n (committee_id, year, last_number)
  VALUES (v_committee, extract(year FROM v_on), 1)
  ON CONFLICT (committee_id, year) DO UPDATE SET last_number = n.last_number + 1
  RETURNING last_number INTO v_number;
  INSERT INTO public.ruling (decision_id, committee_id, year, number, issued_on)
  VALUES (p_decision, v_committee, extract(year FROM v_on), v_number, v_on)
  RETURNING id INTO v_id;
  IF (SELECT c.status FROM public.case_file c WHERE c.id = v_case) = 'decided' THEN
    PERFORM public.lajna_case_set_status(v_case, 'ruling_issued', format('ruling %s', v_number));
  END IF;
  PERFORM public.lajna_audit('ruling.issue', 'ruling', v_id,
                             jsonb_build_object('number', v_number));
  RETURN v_id;
END $$;

-- A ruling stored is final: its signed PDF and digest, its PDF as issued
-- and its PDF seal are each written once, and nothing else changes; its
-- content and code change only while its PDF is not sealed, when a ruling
-- sealed the earlier way is sealed again (with the same words:
-- lajna_ruling_seal() checks them). A ruling signed before it was sealed
-- keeps its signed PDF as it is.
CREATE OR REPLACE FUNCTION lajna_ruling_final() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lajna_refuse(format('ruling %s is on record and cannot be deleted', OLD.id), 'ruling_final');
  END IF;
  IF (to_jsonb(NEW) - 'pdf' - 'sha256' - 'content' - 'seal' - 'issued_pdf' - 'pdf_seal')
       <> (to_jsonb(OLD) - 'pdf' - 'sha256' - 'content' - 'seal' - 'issued_pdf' - 'pdf_seal')
     OR (OLD.pdf IS NOT NULL AND NEW.pdf IS DISTINCT FROM OLD.pdf)
     OR (OLD.sha256 IS NOT NULL AND NEW.sha256 IS DISTINCT FROM OLD.sha256)
     OR (OLD.issued_pdf IS NOT NULL AND NEW.issued_pdf IS DISTINCT FROM OLD.issued_pdf)
     OR (OLD.pdf_seal IS NOT NULL AND NEW.pdf_seal IS DISTINCT FROM OLD.pdf_seal)
     OR (OLD.pdf_seal IS NOT NULL AND NEW.content IS DISTINCT FROM OLD.content)
     OR (OLD.pdf_seal IS NOT NULL AND NEW.seal IS DISTINCT FROM OLD.seal)
     OR (OLD.seal IS NOT NULL AND NEW.seal IS NULL)
     OR (OLD.pdf IS NOT NULL AND NEW.seal IS DISTINCT FROM OLD.seal)
     OR (NEW.pdf IS NOT NULL AND NEW.seal IS NULL AND OLD.pdf IS NULL) THEN
    PERFORM lajna_refuse(format('ruling %s is final; issue a new version to correct it', OLD.id),
                         'ruling_final');
  END IF;
  RETURN NEW;
END $$;

-- The values of a ruling's placeholders for decision p_decision.
CREATE OR REPLACE FUNCTION lajna_ruling_values(p_decision bigint)
RETURNS TABLE (name text, value text)
LANGUAGE sql STABLE AS $$
  SELECT v.name, coalesce(v.value, '')
    FROM decision d
    JOIN case_file c ON c.id = d.case_id
    JOIN committee k ON k.id = c.committee_id
    LEFT JOIN agenda_item i ON i.id = d.agenda_item_id
    LEFT JOIN meeting m ON m.id = i.meeting_id
    LEFT JOIN marriage_case mc ON mc.case_id = c.id
    LEFT JOIN person lp ON lp.id = mc.libyan_party_id
    LEFT JOIN person fp ON fp.id = mc.foreign_party_id
    LEFT JOIN country fc ON fc.code = fp.nationality
    LEFT JOIN juvenile_case jc ON jc.case_id = c.id
    LEFT JOIN person jp ON jp.id = jc.juvenile_id
    CROSS JOIN LATERAL (VALUES
      ('committee.name', k.name_ar), ('committee.city', k.city),
      ('committee.legal_basis', coalesce(nullif(k.legal_basis, ''),
                                         lajna_default_legal_basis(k.kind))),
      ('case.file_number', c.file_number), ('case.received_on', c.received_on::text),
      ('meeting.number', m.number::text), ('meeting.year', m.year::text),
      ('meeting.date', m.held_on::text),
      ('decision.outcome', (SELECT o.name_ar FROM decision_outcome o WHERE o.code = d.outcome)),
      ('decision.reasons', d.reasons),
      ('decision.reason_list', (SELECT string_agg(r.name_ar, '، ' ORDER BY x.n)
                                  FROM unnest(d.reason_codes) WITH ORDINALITY x (code, n)
                                  JOIN decision_reason r ON r.code = x.code)),
      ('decision.missing_documents', (SELECT string_agg(t.name_ar, '، ' ORDER BY x.n)
                                        FROM unnest(d.missing_types) WITH ORDINALITY x (code, n)
                                        JOIN document_type t ON t.code = x.code)),
      ('decision.next_review', d.next_review_on::text), ('decision.date', d.decided_on::text),
      ('applicant.full_name', lp.full_name), ('applicant.national_number', lp.national_number),
      ('applicant.citizen', CASE lp.sex WHEN 'f' THEN 'المواطنة' WHEN 'm' THEN 'المواطن' END),
      ('spouse.full_name', fp.full_name), ('spouse.latin_name', fp.latin_name),
      ('spouse.nationality', fc.name_ar), ('spouse.passport_number', fp.passport_number),
      ('spouse.nationality_words', lajna_nationality_words(fp.sex, fp.nationality)),
      ('juvenile.full_name', jp.full_name), ('juvenile.birth_date', jp.birth_date::text),
      ('guardian.name', jc.guardian_name), ('guardian.relation', jc.guardian_relation),
      ('juvenile.facility', jc.facility), ('juvenile.court', jc.court),
      ('juvenile.court_case_number', jc.court_case_number)) v (name, value)
   WHERE d.id = p_decision
$$;

-- Stores a ruling's signed PDF, once: its PDF as issued, sealed, with a
-- signature appended that covers every byte.
CREATE OR REPLACE FUNCTION lajna_ruling_store_signed(p_ruling bigint, p_pdf bytea, p_subject text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ruling public.ruling;
  v_case   bigint;
BEGIN
  v_ruling := public.lajna_ruling_held(p_ruling, ARRAY['chair', 'signatory']);
  IF v_ruling.pdf IS NOT NULL THEN
    PERFORM public.lajna_refuse(format('ruling %s is signed already', p_ruling), 'ruling_final');
  END IF;
  IF v_ruling.pdf_seal IS NULL
     OR EXISTS (SELECT FROM public.ruling r WHERE r.supersedes = p_ruling) THEN
    PERFORM public.lajna_refuse(format('ruling %s is not a sealed ruling in force', p_ruling),
                                'ruling_superseded');
  END IF;
  IF p_pdf IS NULL OR substr(p_pdf, 1, length(v_ruling.issued_pdf)) <> v_ruling.issued_pdf
     OR position(convert_to(v_ruling.pdf_seal, 'UTF8') IN p_pdf) = 0
     OR NOT public.lajna_pdf_signature_covers(p_pdf) THEN
    RAISE EXCEPTION 'the file is not ruling % as issued, signed over every byte', p_ruling
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  UPDATE public.ruling SET pdf = p_pdf, sha256 = sha256(p_pdf) WHERE id = p_ruling;
  INSERT INTO public.signature (ruling_id, user_id, method, certificate_subject)
  SELECT p_ruling, u.id, 'digital', coalesce(p_subject, '')
    FROM public.app_user u WHERE u.login = public.lajna_actor();
  SELECT d.case_id INTO v_case FROM public.decision d WHERE d.id = v_ruling.decision_id;
  IF (SELECT c.status FROM public.case_file c WHERE c.id = v_case) = 'ruling_issued' THEN
    PERFORM public.lajna_case_set_status(v_case, 'signed', format('ruling %s signed', p_ruling));
  END IF;
  PERFORM public.lajna_audit('ruling.sign', 'ruling', p_ruling,
                             jsonb_build_object('certificate', p_subject));
END $$;

-- A decision and those it corrects, back to the first.
CREATE OR REPLACE FUNCTION lajna_decision_lineage(p_decision bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  WITH RECURSIVE line (id, corrects) AS (
    SELECT d.id, d.corrects FROM decision d WHERE d.id = p_decision
    UNION ALL
    SELECT d.id, d.corrects FROM decision d JOIN line ON d.id = line.corrects)
  SELECT id FROM line
$$;

-- The latest version of the ruling of a decision (or of a decision it
-- corrects), if one was issued.
CREATE OR REPLACE FUNCTION lajna_decision_ruling(p_decision bigint) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT r.id FROM ruling r
   WHERE r.decision_id IN (SELECT lajna_decision_lineage(p_decision))
   ORDER BY r.version DESC LIMIT 1
$$;

-- Issues the next version of ruling p_ruling, with p_reason.
CREATE OR REPLACE FUNCTION lajna_ruling_correct(p_ruling bigint, p_reason text,
                                                p_issued_on date DEFAULT current_date)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old      public.ruling;
  v_decision bigint;
  v_id       bigint;
BEGIN
  v_old := public.lajna_ruling_held(p_ruling, ARRAY['clerk', 'chair', 'signatory']);
  IF EXISTS (SELECT FROM public.ruling r WHERE r.supersedes = p_ruling) THEN
    PERFORM public.lajna_refuse(format('ruling %s has a newer version', p_ruling),
                                'ruling_superseded');
  END IF;
  IF coalesce(btrim(p_reason), '') = '' THEN
    PERFORM public.lajna_refuse('a corrected ruling needs its reason', 'correction_reason');
  END IF;
  SELECT n.id INTO v_decision
    FROM public.decision o JOIN public.decision_now n ON n.case_id = o.case_id
   WHERE o.id = v_old.decision_id
     AND v_old.decision_id IN (SELECT public.lajna_decision_lineage(n.id));
  IF NOT FOUND THEN
    PERFORM public.lajna_refuse(format('the decision of ruling %s is no longer in force',
                                       p_ruling), 'ruling_superseded');
  END IF;
  INSERT INTO public.ruling (decision_id, committee_id, year, number, version, issued_on,
                             supersedes, correction_reason)
  VALUES (v_decision, v_old.committee_id, v_old.year, v_old.number, v_old.version + 1,
          coalesce(p_issued_on, current_date), p_ruling, btrim(p_reason))
  RETURNING id INTO v_id;
  PERFORM public.lajna_audit('ruling.correct', 'ruling', v_id,
                             jsonb_build_object('number', v_old.number,
                                                'version', v_old.version + 1,
                                                'supersedes', p_ruling,
                                                'reason', btrim(p_reason)));
  RETURN v_id;
END $$;

-- Rulings in the database's custody.
--   * Each committee seals its rulings with a key of its own. The private
--     half never leaves the database and no role reads it: the seal is
--     made inside lajna_ruling_seal() (Ed25519, in SQL below), once per
--     ruling, for whoever may issue the committee's rulings. A key is
--     rotated with lajna_seal_key_rotate(); the retired key's private half
--     is wiped, its public half kept so that older rulings still check.
--   * A ruling is written only through its functions: issued and
--     corrected (its number taken) by a clerk, the chair or a signatory of
--     its committee, sealed in the same transaction (a ruling left
--     unsealed at commit is refused, whatever function made it), and its
--     signed PDF stored once, by the chair or a signatory, only when its
--     CMS signature covers the whole file and the file carries the
--     ruling's seal.
--   * A ruling's text and PDF hold national and passport numbers and
--     children's names: members, rapporteurs and administrators read a
--     ruling's number, day and version, not its text.

-- ---------------------------------------------------------------------
-- Ed25519 (RFC 8032) signing in SQL, over numeric: a point in extended
-- coordinates on the twisted Edwards curve -x² + y² = 1 + d·x²·y² over
-- GF(2²⁵⁵ - 19). Only what signing needs: the base point's multiples and
-- their encoding. tests/test-ruling-seal.c checks it against OpenSSL.

-- An integer from its little-endian bytes, and back.
CREATE OR REPLACE FUNCTION lajna_ed25519_integer(p_bytes bytea) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_value numeric := 0;
BEGIN
  FOR i IN REVERSE length(p_bytes) - 1 .. 0 LOOP
    v_value := v_value * 256 + get_byte(p_bytes, i);
  END LOOP;
  RETURN v_value;
END $$;

CREATE OR REPLACE FUNCTION lajna_ed25519_bytes(p_value numeric) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_bytes bytea := decode(repeat('00', 32), 'hex');
  v_rest  numeric := p_value;
BEGIN
  FOR i IN 0 .. 31 LOOP
    v_bytes := set_byte(v_bytes, i, mod(v_rest, 256)::integer);
    v_rest := div(v_rest, 256);
  END LOOP;
  RETURN v_bytes;
END $$;

-- The encoding of p_k·B: y, with x's parity in the top bit.
CREATE OR REPLACE FUNCTION lajna_ed25519_base_times(p_k numeric) RETURNS bytea
LANGUAGE plpgsql STABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p  constant numeric := 57896044618658097711785492504343953926634992332820282019728792003956564819949;
  d2 constant numeric := 16295367250680780974490674513165176452449235426866156013048779062215315747161;
  mx numeric[]; my numeric[]; mz numeric[]; mt numeric[];
  x numeric := 0; y numeric := 1; z numeric := 1; t numeric := 0;
  a numeric; b numeric; c numeric; dd numeric; e numeric; f numeric; g numeric; h numeric;
  k numeric := p_k;
  digit integer;
  n integer;
  i integer := 0;
  inverse numeric := 1;
  power numeric := p - 2;
BEGIN
  SELECT array_agg(m.x ORDER BY m.n), array_agg(m.y ORDER BY m.n), array_agg(m.z ORDER BY m.n),
         array_agg(m.t ORDER BY m.n)
    INTO mx, my, mz, mt FROM public.ed25519_base_multiple m;
  -- One addition for each hexadecimal digit that is not 0, with the
  -- unified addition law (complete on this curve).
  WHILE k > 0 LOOP
    digit := mod(k, 16)::integer;
    IF digit > 0 THEN
      n := i * 15 + digit;
      a := mod((y - x) * (my[n] - mx[n]), p);
      b := mod((y + x) * (my[n] + mx[n]), p);
      c := mod(t * d2 * mt[n], p);
      dd := mod(2 * z * mz[n], p);
      e := b - a; f := dd - c; g := dd + c; h := b + a;
      x := mod(e * f, p); y := mod(g * h, p); t := mod(e * h, p); z := mod(f * g, p);
    END IF;
    k := div(k, 16);
    i := i + 1;
  END LOOP;
  -- 1/z = z^(p-2).
  a := mod(z + p, p);
  WHILE power > 0 LOOP
    IF mod(power, 2) = 1 THEN
      inverse := mod(inverse * a, p);
    END IF;
    a := mod(a * a, p);
    power := div(power, 2);
  END LOOP;
  x := mod(mod(x * inverse, p) + p, p);
  y := mod(mod(y * inverse, p) + p, p);
  RETURN public.lajna_ed25519_bytes(y + mod(x, 2) * 2::numeric ^ 255);
END $$;

-- The secret scalar of a 32-byte private key (its seed), clamped.
CREATE OR REPLACE FUNCTION lajna_ed25519_scalar(p_seed bytea) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT
RETURN (SELECT mod(a, 2::numeric ^ 254) - mod(a, 8) + 2::numeric ^ 254
          FROM (SELECT public.lajna_ed25519_integer(substr(sha512(p_seed), 1, 32)) AS a) s);

CREATE OR REPLACE FUNCTION lajna_ed25519_public(p_seed bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT
RETURN public.lajna_ed25519_base_times(public.lajna_ed25519_scalar(p_seed));

CREATE OR REPLACE FUNCTION lajna_ed25519_sign(p_seed bytea, p_public bytea, p_message bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  l constant numeric := 7237005577332262213973186563042994240857116359379907606001950938285454250989;
  v_a numeric := public.lajna_ed25519_scalar(p_seed);
  v_r numeric := mod(public.lajna_ed25519_integer(sha512(substr(sha512(p_seed), 33, 32)
                                                         || p_message)), l);
  v_big_r bytea := public.lajna_ed25519_base_times(v_r);
  v_k numeric := mod(public.lajna_ed25519_integer(sha512(v_big_r || p_public || p_message)), l);
BEGIN
  RETURN v_big_r || public.lajna_ed25519_bytes(mod(v_r + v_k * v_a, l));
END $$;

-- Whether the person acting issues, seals and prints p_committee's rulings.
CREATE OR REPLACE FUNCTION lajna_may_issue(p_committee integer) RETURNS boolean
LANGUAGE sql STABLE
RETURN public.lajna_acting_superuser()
       OR p_committee = ANY (public.lajna_my_committees(ARRAY['clerk', 'chair', 'signatory']));

-- The key p_committee seals with, made by the first to need it.
CREATE OR REPLACE FUNCTION lajna_seal_key_in_use(p_committee integer) RETURNS seal_key
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_key  public.seal_key;
  v_seed bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('lajna_seal_key'), p_committee);
  SELECT * INTO v_key FROM public.seal_key k
   WHERE k.committee_id = p_committee AND k.retired_at IS NULL;
  IF NOT FOUND THEN
    -- 366 bits from the server's strong random source.
    v_seed := sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
                     || uuid_send(gen_random_uuid()));
    INSERT INTO public.seal_key (committee_id, public_key, private_key)
    VALUES (p_committee, public.lajna_ed25519_public(v_seed), v_seed)
    RETURNING * INTO v_key;
  END IF;
  RETURN v_key;
END $$;

-- A new key for p_committee, by its chair or administrator: the key in
-- use retires, its private half wiped. Returns the new key's id.
CREATE OR REPLACE FUNCTION lajna_seal_key_rotate(p_committee integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_key public.seal_key;
BEGIN
  IF NOT (public.lajna_acting_superuser()
          OR p_committee = ANY (public.lajna_my_committees(ARRAY['chair', 'admin']))) THEN
    RAISE EXCEPTION 'only the committee''s chair or administrator changes its seal key'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('lajna_seal_key'), p_committee);
  UPDATE public.seal_key SET retired_at = now(), private_key = NULL
   WHERE committee_id = p_committee AND retired_at IS NULL;
  v_key := public.lajna_seal_key_in_use(p_committee);
  PERFORM public.lajna_audit('seal_key.rotate', 'committee', p_committee,
                             jsonb_build_object('key', v_key.id));
  RETURN v_key.id;
END $$;

-- Ruling p_ruling, locked, for someone of its committee who holds one of
-- p_roles there; refused otherwise (another committee's ruling is one
-- that does not exist).
CREATE OR REPLACE FUNCTION lajna_ruling_held(p_ruling bigint, p_roles text[]) RETURNS ruling
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ruling public.ruling;
BEGIN
  SELECT * INTO v_ruling FROM public.ruling r
   WHERE r.id = p_ruling
     AND (public.lajna_acting_superuser() OR r.committee_id = ANY (public.lajna_my_committees()))
     FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ruling % does not exist', p_ruling USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT (public.lajna_acting_superuser()
          OR v_ruling.committee_id = ANY (public.lajna_my_committees(p_roles))) THEN
    RAISE EXCEPTION 'ruling %: this is for the committee''s %', p_ruling,
                    array_to_string(p_roles, ', ') USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN v_ruling;
END $$;

-- Seals ruling p_ruling with its content p_content (what it prints, as the
-- client filled the template in): returns the code of its QR code, or
-- NULL when another workstation sealed it meanwhile (its seal stands).
-- Only an issued ruling not sealed yet (or sealed the earlier way, with
-- the very content it was frozen with), not signed, by whoever may issue
-- the committee's rulings.
CREATE OR REPLACE FUNCTION lajna_ruling_seal(p_ruling bigint, p_content jsonb)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ruling public.ruling;
  v_key    public.seal_key;
  v_head   bytea;
  v_seal   text;
BEGIN
  v_ruling := public.lajna_ruling_held(p_ruling, ARRAY['clerk', 'chair', 'signatory']);
  IF v_ruling.pdf_seal IS NOT NULL THEN
    RETURN NULL;
  END IF;
  IF v_ruling.pdf IS NOT NULL THEN
    PERFORM public.lajna_refuse(format('ruling %s was signed before seals and stays as signed',
                                       p_ruling), 'ruling_final');
  END IF;
  IF jsonb_typeof(p_content) IS DISTINCT FROM 'object'
     OR NOT p_content ?& ARRAY['letterhead', 'title', 'preamble', 'articles', 'signatories',
                               'layout']
     OR jsonb_typeof(p_content -> 'articles') <> 'array'
     OR jsonb_typeof(p_content -> 'signatories') <> 'array'
     OR octet_length(p_content::text) > 1048576
     OR (v_ruling.content IS NOT NULL
         AND p_content - 'logo' - 'layout' <> v_ruling.content - 'logo' - 'layout') THEN
    RAISE EXCEPTION 'a seal is made over a ruling''s text, the text it was frozen with'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_key := public.lajna_seal_key_in_use(v_ruling.committee_id);
  v_head := public.lajna_ruling_code_head(v_ruling);
  v_seal := 'LJ2:' || public.lajna_base45(
    v_head || public.lajna_ed25519_sign(v_key.private_key, v_key.public_key,
                                        v_head || sha256(convert_to(p_content::text, 'UTF8'))));
  UPDATE public.ruling SET content = p_content, seal = v_seal WHERE id = p_ruling;
  PERFORM public.lajna_audit('ruling.seal', 'ruling', p_ruling,
                             jsonb_build_object('key', v_key.id));
  RETURN v_seal;
END $$;

-- At commit, a ruling issued is sealed.
CREATE OR REPLACE FUNCTION lajna_ruling_check_sealed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (SELECT r.pdf_seal FROM public.ruling r WHERE r.id = NEW.id) IS NULL THEN
    RAISE EXCEPTION 'ruling % was issued without its seal', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

-- The CMS signature's message digest in p_pdf, if its one signature
-- covers every byte of the file but the signature itself: the signed
-- attribute messageDigest (1.2.840.113549.1.9.4), which must be the
-- SHA-256 of the bytes covered. NULL when the file is not so signed.
CREATE OR REPLACE FUNCTION lajna_pdf_signature_covers(p_pdf bytea) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_at      integer := position('/ByteRange'::bytea IN p_pdf);
  v_range   text[];
  v_before  bigint;
  v_after   bigint;
  v_length  bigint;
  v_der     bytea;
  v_digest  integer;
BEGIN
  IF v_at = 0 OR position('/ByteRange'::bytea IN substr(p_pdf, v_at + 1)) > 0 THEN
    RETURN false;
  END IF;
  v_range := regexp_match(encode(substr(p_pdf, v_at, 80), 'escape'),
                          '^/ByteRange\s*\[\s*0\s+(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*\]');
  IF v_range IS NULL THEN
    RETURN false;
  END IF;
  v_before := v_range[1]::bigint;
  v_after := v_range[2]::bigint;
  v_length := v_range[3]::bigint;
  IF v_before < 1 OR v_after <= v_before + 2 OR v_after + v_length <> length(p_pdf)
     OR get_byte(p_pdf, v_before::integer) <> ascii('<')
     OR get_byte(p_pdf, v_after::integer - 1) <> ascii('>') THEN
    RETURN false;
  END IF;
  v_der := decode(convert_from(substr(p_pdf, v_before::integer + 2,
                                      (v_after - v_before - 2)::integer), 'UTF8'), 'hex');
  v_digest := position('\x06092a864886f70d01090431220420'::bytea IN v_der);
  RETURN v_digest > 0
         AND substr(v_der, v_digest + 15, 32)
             = sha256(substr(p_pdf, 1, v_before::integer)
                      || substr(p_pdf, v_after::integer + 1, v_length::integer));
EXCEPTION
  WHEN invalid_parameter_value OR character_not_in_repertoire OR untranslatable_character
       OR numeric_value_out_of_range THEN
    RETURN false;
END $$;

-- RFC 9285: each two bytes as three characters of QR's alphanumeric set,
-- a last odd byte as two.
CREATE OR REPLACE FUNCTION lajna_base45(p_bytes bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  v_out text := '';
  v_n   integer;
  i     integer := 0;
BEGIN
  WHILE i < length(p_bytes) LOOP
    IF i + 1 < length(p_bytes) THEN
      v_n := get_byte(p_bytes, i) * 256 + get_byte(p_bytes, i + 1);
      v_out := v_out || substr(alphabet, v_n % 45 + 1, 1) || substr(alphabet, v_n / 45 % 45 + 1, 1)
               || substr(alphabet, v_n / 2025 + 1, 1);
    ELSE
      v_n := get_byte(p_bytes, i);
      v_out := v_out || substr(alphabet, v_n % 45 + 1, 1) || substr(alphabet, v_n / 45 + 1, 1);
    END IF;
    i := i + 2;
  END LOOP;
  RETURN v_out;
END $$;

-- What a ruling's code names: its id, committee, year, number and
-- version, in 13 bytes, big-endian.
CREATE OR REPLACE FUNCTION lajna_ruling_code_head(p_ruling ruling) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp
RETURN int4send(p_ruling.id::integer) || int2send(p_ruling.committee_id::smallint)
       || int2send(p_ruling.year::smallint) || int4send(p_ruling.number)
       || substr(int2send(p_ruling.version::smallint), 2, 1);

-- Base64 on one line.
CREATE OR REPLACE FUNCTION lajna_base64(p_bytes bytea) RETURNS text
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp
RETURN translate(encode(p_bytes, 'base64'), E'\n', '');

-- Keeps p_pdf as ruling p_ruling's PDF as issued, laid out from its
-- sealed content, and returns its PDF seal:
-- "LAJNA2|id|committee|year|number|version|length|sha256|signature", the
-- signature (Ed25519, base64) over all before it. In the transaction that
-- sealed the ruling, by whoever sealed it.
CREATE OR REPLACE FUNCTION lajna_ruling_seal_pdf(p_ruling bigint, p_pdf bytea)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ruling public.ruling;
  v_key    public.seal_key;
  v_signed text;
  v_seal   text;
BEGIN
  v_ruling := public.lajna_ruling_held(p_ruling, ARRAY['clerk', 'chair', 'signatory']);
  IF v_ruling.pdf_seal IS NOT NULL OR v_ruling.pdf IS NOT NULL
     OR v_ruling.seal IS NULL OR v_ruling.seal NOT LIKE 'LJ2:%' THEN
    PERFORM public.lajna_refuse(format('ruling %s is not sealed and waiting for its PDF',
                                       p_ruling), 'ruling_final');
  END IF;
  IF p_pdf IS NULL OR length(p_pdf) > 16777216 OR substr(p_pdf, 1, 5) <> '\x255044462d'::bytea
     OR position(convert_to(v_ruling.seal, 'UTF8') IN p_pdf) = 0 THEN
    RAISE EXCEPTION 'the file is not a PDF of ruling %', p_ruling
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_key := public.lajna_seal_key_in_use(v_ruling.committee_id);
  v_signed := format('LAJNA2|%s|%s|%s|%s|%s|%s|%s', v_ruling.id, v_ruling.committee_id,
                     v_ruling.year, v_ruling.number, v_ruling.version, length(p_pdf),
                     public.lajna_base64(sha256(p_pdf)));
  v_seal := v_signed || '|'
            || public.lajna_base64(public.lajna_ed25519_sign(v_key.private_key, v_key.public_key,
                                                             convert_to(v_signed, 'UTF8')));
  UPDATE public.ruling SET issued_pdf = p_pdf, pdf_seal = v_seal WHERE id = p_ruling;
  RETURN v_seal;
END $$;

-- The words of a nationality in a ruling's sentence, for a person of sex
-- p_sex from p_country.
CREATE OR REPLACE FUNCTION lajna_nationality_words(p_sex text, p_country char(2)) RETURNS text
LANGUAGE sql STABLE
RETURN (SELECT CASE WHEN p_sex = 'f' AND c.adjective_f IS NOT NULL THEN c.adjective_f || ' الجنسية'
                    WHEN p_sex = 'm' AND c.adjective_m IS NOT NULL THEN c.adjective_m || ' الجنسية'
                    WHEN p_sex = 'f' THEN 'تحمل جنسية ' || c.name_ar
                    ELSE 'يحمل جنسية ' || c.name_ar END
          FROM public.country c WHERE c.code = p_country);

-- A ruling, or its corrected version, is dated on or after the meeting
-- whose decision it issues.
CREATE OR REPLACE FUNCTION lajna_ruling_after_meeting() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_held_on date := (SELECT m.held_on FROM decision d
                       JOIN agenda_item i ON i.id = d.agenda_item_id
                       JOIN meeting m ON m.id = i.meeting_id
                      WHERE d.id = NEW.decision_id);
BEGIN
  IF NEW.issued_on < v_held_on THEN
    PERFORM lajna_refuse(format('a ruling dated %s cannot issue a decision of the meeting of %s',
                                NEW.issued_on, v_held_on), 'ruling_before_meeting');
  END IF;
  RETURN NEW;
END $$;

-- The decision in force on a file: its latest decision not corrected.
CREATE OR REPLACE FUNCTION lajna_case_decision(p_case_id bigint) RETURNS bigint
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT d.id FROM public.decision_now d
   WHERE d.case_id = p_case_id
   ORDER BY d.decided_on DESC, d.id DESC
   LIMIT 1;
END;

-- The status the ruling on record gives a file: signed once the latest
-- version of the ruling of its decision in force has its signed PDF,
-- ruling_issued once that ruling is issued, NULL while there is none. It
-- reads no column of a ruling's text, which not everyone may read.
CREATE OR REPLACE FUNCTION lajna_case_ruling_status(p_case_id bigint) RETURNS text
LANGUAGE sql STABLE
RETURN (SELECT CASE WHEN r.sha256 IS NOT NULL THEN 'signed' ELSE 'ruling_issued' END
          FROM public.ruling r
         WHERE r.id = public.lajna_decision_ruling(public.lajna_case_decision(p_case_id)));

-- ---------------------------------------------------------------------
-- Triggers.

CREATE OR REPLACE TRIGGER template_check BEFORE INSERT OR UPDATE ON ruling_template
  FOR EACH ROW EXECUTE FUNCTION lajna_template_check();

CREATE OR REPLACE TRIGGER ruling_final BEFORE UPDATE OR DELETE ON ruling
  FOR EACH ROW EXECUTE FUNCTION lajna_ruling_final();

DROP TRIGGER IF EXISTS ruling_sealed ON ruling;
CREATE CONSTRAINT TRIGGER ruling_sealed AFTER INSERT ON ruling
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION lajna_ruling_check_sealed();

CREATE OR REPLACE TRIGGER ruling_after_meeting BEFORE INSERT ON ruling
  FOR EACH ROW EXECUTE FUNCTION lajna_ruling_after_meeting();

-- ---------------------------------------------------------------------
-- Policies: a ruling and its register are seen by their committee, a
-- signature through its ruling.

SELECT lajna_protect_by_committee('ruling', 'committee_id');

SELECT lajna_protect_by_committee('ruling_counter', 'committee_id');

SELECT lajna_protect_by_parent('signature', 'ruling_id', 'ruling');

-- ---------------------------------------------------------------------
-- Rights: the seal keys' private halves, and signing with them, are for
-- the sealing functions alone, which run with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_seal_key_in_use(integer),
  lajna_ed25519_sign(bytea, bytea, bytea),
  lajna_ruling_held(bigint, text[])
  FROM PUBLIC;
