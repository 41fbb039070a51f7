-- What makes a new table safe by declaring its rule alone:
--   * lajna_audit() refuses an event about a row of another committee:
--     nobody writes into the trail that they opened, changed or printed
--     what they cannot see. Each protected table with an id records how to
--     find a row's committee (audit_object), when it declares its rule.
--   * rows under a parent that is not a file (a vote under its agenda
--     item, a signature under its ruling…) are checked when their
--     statement ends, as the writer: the parent must be one they see;
--   * every statement that writes rows of committee data appends an event
--     ('write.insert', 'write.update', 'write.delete': the table, how many
--     rows, their keys), whoever writes and however, psql included. The
--     app's own events ('case.update'…) say what was meant; these say
--     what was written.

CREATE TABLE audit_object (
  object       text PRIMARY KEY,
  -- SQL giving the committee of the row whose id is $1.
  committee_of text NOT NULL
);
REVOKE ALL ON audit_object FROM PUBLIC;

DROP FUNCTION IF EXISTS lajna_audit(text, text, bigint, jsonb);

DROP FUNCTION IF EXISTS lajna_protect(regclass, text, text);
