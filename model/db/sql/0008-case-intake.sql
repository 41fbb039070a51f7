-- Registering and editing files. The app's forms and the spreadsheet import
-- hand the same JSON shape to the same two functions:
--
--   { "committee_id": 1, "kind": "marriage", "received_on": "2026-11-23",
--     "notes": "", <the columns of marriage_case or juvenile_case>,
--     "libyan_party": {<person columns>}, "foreign_party": {…} }   (marriage)
--     "juvenile": {<person columns>}                                (juvenile)
--
-- Keys are column names, so jsonb_populate_record() does the typing and a
-- missing key takes the column's default.

-- File numbers run per committee and year without gaps: the counter row is
-- locked by the transaction that takes numbers from it.
CREATE TABLE file_number_counter (
  committee_id integer NOT NULL REFERENCES committee,
  year         integer NOT NULL,
  last_number  integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (committee_id, year)
);

DROP TRIGGER IF EXISTS marriage_case_search ON marriage_case;
DROP TRIGGER IF EXISTS juvenile_case_search ON juvenile_case;
