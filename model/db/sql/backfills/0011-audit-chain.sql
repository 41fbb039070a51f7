-- The events recorded before the chain, chained in their order.
DO $$
DECLARE
  v_prev bytea;
  v_event audit_event;
BEGIN
  FOR v_event IN SELECT * FROM audit_event ORDER BY id LOOP
    v_event.prev_hash := v_prev;
    v_prev := sha256(coalesce(v_prev, '') || convert_to(lajna_audit_text(v_event), 'UTF8'));
    UPDATE audit_event SET prev_hash = v_event.prev_hash, hash = v_prev WHERE id = v_event.id;
  END LOOP;
  UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_event), last_hash = v_prev;
END $$;
