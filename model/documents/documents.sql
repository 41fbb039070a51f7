-- documents.sql: the scanned documents' functions: who may read a
-- document. Applied after the migrations at every start (lajna-schema.c).

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
