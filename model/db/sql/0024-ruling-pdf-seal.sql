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

DROP FUNCTION IF EXISTS lajna_ruling_seal(bigint, jsonb, text);
