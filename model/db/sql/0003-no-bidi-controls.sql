

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
