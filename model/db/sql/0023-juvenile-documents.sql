-- A juvenile file's documents (their titles, bytes and previews) are read
-- on the committees where the person reads the child's name, as the
-- juvenile's record is (0014): the administrator counts files, and reads
-- no child's papers.
SELECT lajna_protect_names('document', 'case_id');
