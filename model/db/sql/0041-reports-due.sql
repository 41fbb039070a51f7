-- The reports due before a juvenile file's next review: for each of its
-- social worker and psychologist, when the file holds no report of theirs
-- valid on the day of the review. Reviews in the next p_within days, or
-- already overdue, count. A social worker or psychologist is told of their
-- own reports; a committee's people, of every one on their files.

CREATE FUNCTION lajna_reports_due(p_within integer DEFAULT 14)
RETURNS TABLE (case_id bigint, role text, assignee_id integer, next_review_on date,
               valid_until date)
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT due.case_id, due.role, due.assignee_id, due.next_review_on, due.valid_until
    FROM (SELECT f.case_id, a.role, a.assignee_id, f.next_review_on, f.committee_id,
                 (SELECT max(coalesce(d.issued_on, d.added_at::date) + t.valid_days)
                    FROM document d JOIN document_type t ON t.code = d.type_code
                   WHERE d.case_id = f.case_id AND d.type_code = a.role || '_report')
                   AS valid_until
            FROM case_follow_up f
            JOIN juvenile_case j ON j.case_id = f.case_id
           CROSS JOIN LATERAL (VALUES ('social_worker', j.social_worker_id),
                                      ('psychologist', j.psychologist_id)) a (role, assignee_id)
           WHERE f.next_review_on <= current_date + p_within AND a.assignee_id IS NOT NULL) due
   WHERE (due.valid_until IS NULL OR due.valid_until < due.next_review_on)
     AND (due.assignee_id = lajna_my_user_id()
          OR due.committee_id = ANY (lajna_my_committees()) OR lajna_acting_superuser());
END;
