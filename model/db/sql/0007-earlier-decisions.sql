-- At intake a clerk must see that a party was already refused or deferred
-- on another file: the earlier rejections and deferrals of the files that
-- lajna_case_duplicates() links to this one (the same person, or a likely
-- duplicate).

CREATE FUNCTION lajna_case_earlier_decisions(p_case_id bigint)
RETURNS TABLE (other_case_id bigint, outcome text, decided_on date, reason text)
LANGUAGE sql STABLE AS $$
  SELECT d.case_id, d.outcome, d.decided_on, c.reason
    FROM lajna_case_duplicates(p_case_id) c
    JOIN decision d ON d.case_id = c.other_case_id
   WHERE d.outcome IN ('reject', 'defer')
   ORDER BY d.decided_on DESC, d.id
$$;
