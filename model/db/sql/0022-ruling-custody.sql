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
CREATE FUNCTION lajna_ed25519_integer(p_bytes bytea) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_value numeric := 0;
BEGIN
  FOR i IN REVERSE length(p_bytes) - 1 .. 0 LOOP
    v_value := v_value * 256 + get_byte(p_bytes, i);
  END LOOP;
  RETURN v_value;
END $$;

CREATE FUNCTION lajna_ed25519_bytes(p_value numeric) RETURNS bytea
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
CREATE FUNCTION lajna_ed25519_base_times(p_k numeric) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p  constant numeric := 57896044618658097711785492504343953926634992332820282019728792003956564819949;
  -- 2·d
  d2 constant numeric := 16295367250680780974490674513165176452449235426866156013048779062215315747161;
  -- The sum so far, and B·2^i.
  x numeric := 0; y numeric := 1; z numeric := 1; t numeric := 0;
  qx numeric := 15112221349535400772501151409588531511454012693041857206046113283949847762202;
  qy numeric := 46316835694926478169428394003475163141307993866256225615783033603165251855960;
  qz numeric := 1;
  qt numeric;
  a numeric; b numeric; c numeric; dd numeric; e numeric; f numeric; g numeric; h numeric;
  k numeric := p_k;
  inverse numeric := 1;
  power numeric := p - 2;
BEGIN
  qt := mod(qx * qy, p);
  -- Double and add, with the unified addition law (complete on this curve).
  WHILE k > 0 LOOP
    IF mod(k, 2) = 1 THEN
      a := mod((y - x) * (qy - qx), p);
      b := mod((y + x) * (qy + qx), p);
      c := mod(t * d2 * qt, p);
      dd := mod(2 * z * qz, p);
      e := b - a; f := dd - c; g := dd + c; h := b + a;
      x := mod(e * f, p); y := mod(g * h, p); t := mod(e * h, p); z := mod(f * g, p);
    END IF;
    k := div(k, 2);
    IF k > 0 THEN
      a := mod((qy - qx) * (qy - qx), p);
      b := mod((qy + qx) * (qy + qx), p);
      c := mod(qt * d2 * qt, p);
      dd := mod(2 * qz * qz, p);
      e := b - a; f := dd - c; g := dd + c; h := b + a;
      qx := mod(e * f, p); qy := mod(g * h, p); qt := mod(e * h, p); qz := mod(f * g, p);
    END IF;
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
CREATE FUNCTION lajna_ed25519_scalar(p_seed bytea) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT
RETURN (SELECT mod(a, 2::numeric ^ 254) - mod(a, 8) + 2::numeric ^ 254
          FROM (SELECT public.lajna_ed25519_integer(substr(sha512(p_seed), 1, 32)) AS a) s);

CREATE FUNCTION lajna_ed25519_public(p_seed bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT
RETURN public.lajna_ed25519_base_times(public.lajna_ed25519_scalar(p_seed));

CREATE FUNCTION lajna_ed25519_sign(p_seed bytea, p_public bytea, p_message bytea) RETURNS bytea
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

-- ---------------------------------------------------------------------
-- The seal keys: one in use per committee. The installation's single key
-- of 0020 is kept retired, its private half wiped (every clerk could read
-- it), so that rulings sealed with it still check.

CREATE TABLE seal_key (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- NULL for the installation's key of before.
  committee_id integer REFERENCES committee,
  public_key   bytea NOT NULL UNIQUE CHECK (length(public_key) = 32),
  private_key  bytea CHECK (length(private_key) = 32),
  created_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz,
  CHECK ((retired_at IS NULL) = (private_key IS NOT NULL))
);
CREATE UNIQUE INDEX seal_key_in_use ON seal_key (committee_id) WHERE retired_at IS NULL;
REVOKE ALL ON seal_key FROM PUBLIC;

INSERT INTO seal_key (committee_id, public_key, private_key, created_at, retired_at)
SELECT NULL, public_key, NULL, created_at, now() FROM ruling_seal;
DROP TABLE ruling_seal;

-- The public halves, for everyone who checks a ruling.
CREATE VIEW seal_public_key AS
  SELECT id, committee_id, public_key, created_at, retired_at FROM seal_key;

-- Whether the person acting issues, seals and prints p_committee's rulings.
CREATE FUNCTION lajna_may_issue(p_committee integer) RETURNS boolean
LANGUAGE sql STABLE
RETURN public.lajna_acting_superuser()
       OR p_committee = ANY (public.lajna_my_committees(ARRAY['clerk', 'chair', 'signatory']));

-- The key p_committee seals with, made by the first to need it.
CREATE FUNCTION lajna_seal_key_in_use(p_committee integer) RETURNS seal_key
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
CREATE FUNCTION lajna_seal_key_rotate(p_committee integer) RETURNS integer
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

-- ---------------------------------------------------------------------
-- Issuing, sealing, correcting and signing.

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

-- Ruling p_ruling, locked, for someone of its committee who holds one of
-- p_roles there; refused otherwise (another committee's ruling is one
-- that does not exist).
CREATE FUNCTION lajna_ruling_held(p_ruling bigint, p_roles text[]) RETURNS ruling
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

-- Seals ruling p_ruling: its text p_content (what it prints, as the
-- client laid it out and froze it) and the digest of its printed text
-- p_digest (base64 of a SHA-256), signed with its committee's key. Only
-- an issued ruling not sealed and not signed yet, by whoever may issue
-- the committee's rulings. Returns the seal, or NULL when another
-- workstation sealed it meanwhile (its seal stands).
CREATE FUNCTION lajna_ruling_seal(p_ruling bigint, p_content jsonb, p_digest text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ruling public.ruling;
  v_key    public.seal_key;
  v_signed text;
  v_seal   text;
BEGIN
  v_ruling := public.lajna_ruling_held(p_ruling, ARRAY['clerk', 'chair', 'signatory']);
  IF v_ruling.seal IS NOT NULL THEN
    RETURN NULL;
  END IF;
  IF v_ruling.pdf IS NOT NULL THEN
    PERFORM public.lajna_refuse(format('ruling %s was signed before seals and stays as signed',
                                       p_ruling), 'ruling_final');
  END IF;
  IF p_digest IS NULL OR p_digest !~ '^[A-Za-z0-9+/]{43}=$'
     OR jsonb_typeof(p_content) IS DISTINCT FROM 'object'
     OR NOT p_content ?& ARRAY['letterhead', 'title', 'preamble', 'articles', 'signatories']
     OR jsonb_typeof(p_content -> 'articles') <> 'array'
     OR jsonb_typeof(p_content -> 'signatories') <> 'array'
     OR octet_length(p_content::text) > 262144 THEN
    RAISE EXCEPTION 'a seal is made over a ruling''s text and the digest of what it prints'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_key := public.lajna_seal_key_in_use(v_ruling.committee_id);
  v_signed := format('LAJNA1|%s|%s|%s|%s|%s|%s', v_ruling.id, v_ruling.committee_id,
                     v_ruling.year, v_ruling.number, v_ruling.version, p_digest);
  v_seal := v_signed || '|'
            || translate(encode(public.lajna_ed25519_sign(v_key.private_key, v_key.public_key,
                                                          convert_to(v_signed, 'UTF8')),
                                'base64'), E'\n', '');
  UPDATE public.ruling SET content = p_content, seal = v_seal WHERE id = p_ruling;
  PERFORM public.lajna_audit('ruling.seal', 'ruling', p_ruling,
                             jsonb_build_object('key', v_key.id));
  RETURN v_seal;
END $$;

-- A ruling reaches the end of its transaction sealed, however it was
-- issued.
CREATE FUNCTION lajna_ruling_check_sealed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (SELECT r.seal FROM public.ruling r WHERE r.id = NEW.id) IS NULL THEN
    RAISE EXCEPTION 'ruling % was issued without its seal', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ruling_sealed AFTER INSERT ON ruling
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION lajna_ruling_check_sealed();

-- The CMS signature's message digest in p_pdf, if its one signature
-- covers every byte of the file but the signature itself: the signed
-- attribute messageDigest (1.2.840.113549.1.9.4), which must be the
-- SHA-256 of the bytes covered. NULL when the file is not so signed.
CREATE FUNCTION lajna_pdf_signature_covers(p_pdf bytea) RETURNS boolean
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

-- Stores a ruling's signed PDF, once, with its SHA-256, by the chair or a
-- signatory of its committee: a sealed ruling in force, the file carrying
-- its seal and signed over every byte. The signature is recorded for the
-- signatory acting, and the file moves on to signed.
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
  IF v_ruling.seal IS NULL
     OR EXISTS (SELECT FROM public.ruling r WHERE r.supersedes = p_ruling) THEN
    PERFORM public.lajna_refuse(format('ruling %s is not a sealed ruling in force', p_ruling),
                                'ruling_superseded');
  END IF;
  IF p_pdf IS NULL OR position(convert_to(v_ruling.seal, 'UTF8') IN p_pdf) = 0
     OR NOT public.lajna_pdf_signature_covers(p_pdf) THEN
    RAISE EXCEPTION 'the file is not ruling % signed over every byte', p_ruling
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

-- ---------------------------------------------------------------------
-- Who reads and writes what of rulings.

CREATE OR REPLACE FUNCTION lajna_grant_rulings() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_role text;
BEGIN
  REVOKE ALL ON ruling, ruling_counter, signature
    FROM lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT SELECT ON ruling_placeholder, ruling_template, signature, seal_public_key
    TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin;
  GRANT INSERT, UPDATE ON ruling_template TO lajna_admin;
  GRANT SELECT ON ruling TO lajna_clerk, lajna_chair, lajna_signatory;
  FOREACH v_role IN ARRAY ARRAY['lajna_member', 'lajna_rapporteur', 'lajna_admin'] LOOP
    PERFORM lajna_grant_columns_but('ruling', v_role, ARRAY['content', 'pdf']);
  END LOOP;
END $$;

ALTER FUNCTION lajna_grant_rulings() SET search_path = pg_catalog, public, pg_temp;
-- What the functions above call, searching the caller's schema last.
ALTER FUNCTION lajna_decision_ruling(bigint) SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION lajna_decision_lineage(bigint) SET search_path = pg_catalog, public, pg_temp;

-- The signatory's own writes of 0019, which lajna_ruling_store_signed()
-- now makes.
REVOKE UPDATE (status, row_version, updated_at) ON case_file FROM lajna_signatory;
REVOKE INSERT ON case_history FROM lajna_signatory;

SELECT lajna_grant_access();
