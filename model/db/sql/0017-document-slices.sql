-- A viewer reads a document's PDF a slice at a time (substring), so that a
-- 200-page scan opens without its 160 MB crossing the network first. Such
-- reads fetch only the slice's chunks when the value is kept out of line
-- and uncompressed; scans barely compress anyway.
ALTER TABLE document_blob ALTER COLUMN pdf SET STORAGE EXTERNAL;
ALTER TABLE document_blob ALTER COLUMN original SET STORAGE EXTERNAL;
