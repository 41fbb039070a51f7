-- documents.sql: the scanned documents' functions: who has read a file's
-- documents. The rule of the document tables, and of a juvenile file's
-- documents, is made with the file's in model/cases/cases.sql.
--
-- The schema's owner applies this file after the migrations at every start
-- and after a restore (model/db/lajna-schema.c). Each statement states how
-- things are to be: applying the file again changes nothing.

-- ---------------------------------------------------------------------
-- Functions.

-- Who opened each document of file p_case_id, and when first, from the
-- audit trail, for the file's committees.

CREATE OR REPLACE FUNCTION lajna_document_readers(p_case_id bigint)
RETURNS TABLE (document_id bigint, reader text, first_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT d.id, e.actor, min(e.at)
    FROM public.case_file c
    JOIN public.document d ON d.case_id = c.id
    JOIN public.audit_event e ON e.action = 'document.open' AND e.object_id = d.id
   WHERE c.id = p_case_id
     AND (public.lajna_acting_superuser() OR c.committee_id = ANY (public.lajna_my_committees()))
   GROUP BY d.id, e.actor
   ORDER BY d.id, min(e.at)
$$;

-- ---------------------------------------------------------------------
-- Policies: a document is seen through its file, its bytes and previews
-- through the document.

SELECT lajna_protect_by_case('document', 'case_id');

SELECT lajna_protect_by_parent('document_blob', 'document_id', 'document');

SELECT lajna_protect_by_parent('document_preview', 'document_id', 'document');

-- A juvenile file's documents (their titles, bytes and previews) are read
-- on the committees where the person reads the child's name, as the
-- juvenile's record is: the administrator counts files, and reads no
-- child's papers.
SELECT lajna_protect_names('document', 'case_id');
