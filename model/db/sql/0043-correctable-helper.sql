-- The function 0018 made the attendance, vote and decision tables
-- correctable with did its work then; the tables are made by the
-- migrations' own statements now, and it goes.
DROP FUNCTION IF EXISTS lajna_make_correctable(regclass, text);
