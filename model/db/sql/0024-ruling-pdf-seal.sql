-- A ruling's seal covers what a reader sees: the PDF as issued, byte for
-- byte, not the text a reader extracts from it.
--   * lajna_ruling_seal() freezes the ruling's content and makes the code
--     its QR code prints: the ruling's numbers and an Ed25519 signature
--     over them and the SHA-256 of the content as jsonb writes it, in
--     base45 (RFC 9285) so that the code is short and alphanumeric.
--   * lajna_ruling_seal_pdf() keeps the PDF laid out from that content
--     (the code on its pages) and signs its length and SHA-256: the
--     ruling's PDF seal, which the client appends to the PDF in an
--     incremental update of its own (lajna-seal.c), and which a reader
--     checks offline with the committee's public key.
--   * A ruling reaches the end of its transaction with both.
-- Rulings sealed the earlier way are sealed again the first time they are
-- printed, with the content they were frozen with; those signed before
-- stay as signed.

ALTER TABLE ruling ADD COLUMN issued_pdf bytea, ADD COLUMN pdf_seal text;

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

-- RFC 9285: each two bytes as three characters of QR's alphanumeric set,
-- a last odd byte as two.
CREATE FUNCTION lajna_base45(p_bytes bytea) RETURNS text
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
CREATE FUNCTION lajna_ruling_code_head(p_ruling ruling) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp
RETURN int4send(p_ruling.id::integer) || int2send(p_ruling.committee_id::smallint)
       || int2send(p_ruling.year::smallint) || int4send(p_ruling.number)
       || substr(int2send(p_ruling.version::smallint), 2, 1);

-- Base64 on one line.
CREATE FUNCTION lajna_base64(p_bytes bytea) RETURNS text
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp
RETURN translate(encode(p_bytes, 'base64'), E'\n', '');

-- ---------------------------------------------------------------------
-- Ed25519 signing twice as often (the code and the PDF seal) at no more
-- cost: the base point's multiples j·16^i·B (i = 0..63, j = 1..15) are
-- made once, here, so that k·B is at most 64 additions of them, one for
-- each hexadecimal digit of k, where it was 253 doublings and as many
-- additions as k has bits set. No role reads them but the functions'
-- owner; they are public knowledge anyway.

CREATE TABLE ed25519_base_multiple (
  n integer PRIMARY KEY,
  x numeric NOT NULL, y numeric NOT NULL, z numeric NOT NULL, t numeric NOT NULL
);
REVOKE ALL ON ed25519_base_multiple FROM PUBLIC;

DO $$
DECLARE
  p  constant numeric := 57896044618658097711785492504343953926634992332820282019728792003956564819949;
  d2 constant numeric := 16295367250680780974490674513165176452449235426866156013048779062215315747161;
  -- 16^i·B, and j·16^i·B.
  px numeric := 15112221349535400772501151409588531511454012693041857206046113283949847762202;
  py numeric := 46316835694926478169428394003475163141307993866256225615783033603165251855960;
  pz numeric := 1;
  pt numeric;
  x numeric; y numeric; z numeric; t numeric;
  a numeric; b numeric; c numeric; dd numeric; e numeric; f numeric; g numeric; h numeric;
BEGIN
  pt := mod(px * py, p);
  FOR i IN 0 .. 63 LOOP
    x := 0; y := 1; z := 1; t := 0;
    FOR j IN 1 .. 16 LOOP
      a := mod((y - x) * (py - px), p);
      b := mod((y + x) * (py + px), p);
      c := mod(t * d2 * pt, p);
      dd := mod(2 * z * pz, p);
      e := b - a; f := dd - c; g := dd + c; h := b + a;
      x := mod(e * f, p); y := mod(g * h, p); t := mod(e * h, p); z := mod(f * g, p);
      IF j < 16 THEN
        INSERT INTO ed25519_base_multiple VALUES (i * 15 + j - 1, x, y, z, t);
      END IF;
    END LOOP;
    px := x; py := y; pz := z; pt := t;
  END LOOP;
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

DROP FUNCTION lajna_ruling_seal(bigint, jsonb, text);

-- Seals ruling p_ruling with its content p_content (what it prints, as the
-- client filled the template in): returns the code of its QR code, or
-- NULL when another workstation sealed it meanwhile (its seal stands).
-- Only an issued ruling not sealed yet (or sealed the earlier way, with
-- the very content it was frozen with), not signed, by whoever may issue
-- the committee's rulings.
CREATE FUNCTION lajna_ruling_seal(p_ruling bigint, p_content jsonb)
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

-- Keeps p_pdf as ruling p_ruling's PDF as issued, laid out from its
-- sealed content, and returns its PDF seal:
-- "LAJNA2|id|committee|year|number|version|length|sha256|signature", the
-- signature (Ed25519, base64) over all before it. In the transaction that
-- sealed the ruling, by whoever sealed it.
CREATE FUNCTION lajna_ruling_seal_pdf(p_ruling bigint, p_pdf bytea)
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

CREATE OR REPLACE FUNCTION lajna_ruling_check_sealed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (SELECT r.pdf_seal FROM public.ruling r WHERE r.id = NEW.id) IS NULL THEN
    RAISE EXCEPTION 'ruling % was issued without its seal', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

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

CREATE OR REPLACE FUNCTION lajna_grant_rulings() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
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
    PERFORM lajna_grant_columns_but('ruling', v_role, ARRAY['content', 'pdf', 'issued_pdf']);
  END LOOP;
END $$;

SELECT lajna_grant_access();
