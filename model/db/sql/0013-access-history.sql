-- A file's access history: who registered, changed, moved and opened it,
-- from the audit trail, for the chair and the administrator of its
-- committee (and the server's superuser). Anyone else gets no rows: the
-- trail itself is closed to every role but through these functions.

CREATE INDEX audit_event_object ON audit_event (object, object_id);
CREATE INDEX audit_event_batch_create ON audit_event (id)
  WHERE action = 'case.create' AND object_id IS NULL;

CREATE FUNCTION lajna_case_access_history(p_case_id bigint)
RETURNS TABLE (at timestamptz, actor text, action text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH allowed AS (
    SELECT true AS ok
      FROM case_file c
     WHERE c.id = p_case_id
       AND (lajna_acting_superuser()
            OR c.committee_id = ANY (lajna_my_committees(ARRAY['chair', 'admin'])))
  )
  SELECT e.at, e.actor, e.action
    FROM allowed,
         LATERAL (SELECT at, actor, action, id FROM audit_event
                   WHERE object = 'case_file' AND object_id = p_case_id
                  UNION ALL
                  SELECT at, actor, action, id FROM audit_event
                   WHERE action = 'case.create' AND object_id IS NULL
                     AND detail -> 'files' @> to_jsonb(p_case_id)) e
   ORDER BY e.id
$$;
