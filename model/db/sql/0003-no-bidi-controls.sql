-- Bidi control characters can make a name display as something it is not
-- (an override reverses "Anna" into "annA", an isolate hides what follows).
-- The app and the import strip them on input (lajna_clean_text()); these
-- checks refuse any that reach the database another way.

CREATE FUNCTION lajna_has_bidi_control(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN t ~ '[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]';

ALTER TABLE person ADD CONSTRAINT person_no_bidi_control CHECK (NOT lajna_has_bidi_control(
  name || father_name || grandfather_name || family_name || latin_name
  || coalesce(national_number, '') || coalesce(passport_number, '')));

ALTER TABLE case_file ADD CONSTRAINT case_file_no_bidi_control CHECK (NOT lajna_has_bidi_control(
  file_number || notes));

ALTER TABLE marriage_case ADD CONSTRAINT marriage_case_no_bidi_control CHECK (NOT lajna_has_bidi_control(
  residence));

ALTER TABLE juvenile_case ADD CONSTRAINT juvenile_case_no_bidi_control CHECK (NOT lajna_has_bidi_control(
  guardian_name || guardian_relation || guardian_phone || facility || court
  || court_case_number || charge_category));
