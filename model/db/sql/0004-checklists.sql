-- Document checklists: which documents a file needs follows from its kind
-- and facts (checklist_rule, editable by an administrator); each is
-- satisfied, missing or expired; a file cannot be scheduled for a meeting
-- while a mandatory one is not satisfied.

ALTER TABLE checklist_rule ADD COLUMN mandatory boolean NOT NULL DEFAULT true;
