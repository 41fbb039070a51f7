-- Committee meetings: members and attendance, the quorum rule, the agenda,
-- votes and decisions, held to their rules by the database whatever
-- client writes: nobody votes or decides without a quorum, a closed
-- meeting's record cannot be changed (a correction is a new row linked to
-- the row it corrects, with its reason, and both stay), a decision moves
-- its file on. Every change to a meeting is numbered in meeting_change and
-- announced on the channel 'lajna_meeting', so that workstations showing
-- the meeting catch up.
--
-- Errors a person can meet carry HINT 'lajna:<rule>'; the client shows its
-- own translated sentence for each rule.

-- The quorum rule: with no number, a majority of the meeting's members;
-- with one, that many present members; and, unless told otherwise, the
-- chair among them.
ALTER TABLE committee ALTER COLUMN quorum DROP NOT NULL, ALTER COLUMN quorum DROP DEFAULT;
UPDATE committee SET quorum = NULL;
ALTER TABLE committee ADD COLUMN quorum_needs_chair boolean NOT NULL DEFAULT true;

ALTER TABLE meeting ADD COLUMN starts_at time;
ALTER TABLE meeting ADD COLUMN closed_at timestamptz;

-- Attendance: present, absent or excused; the rapporteur is a member too.
-- Rows are numbered so that a correction can name the row it corrects.
ALTER TABLE attendance ADD COLUMN status text NOT NULL DEFAULT 'absent'
  CHECK (status IN ('present', 'absent', 'excused'));
UPDATE attendance SET status = CASE WHEN present THEN 'present' ELSE 'absent' END;
ALTER TABLE attendance DROP COLUMN present;
ALTER TABLE attendance DROP CONSTRAINT attendance_role_check;
ALTER TABLE attendance ADD CONSTRAINT attendance_role_check
  CHECK (role IN ('chair', 'member', 'rapporteur', 'secretary', 'guest'));

-- What vote, decision and attendance rows share: who entered the row and
-- when, and for a correction, the row it corrects and why; one first row
-- per member (or item), corrections following it in a chain.
ALTER TABLE attendance DROP CONSTRAINT attendance_pkey;
ALTER TABLE attendance ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE attendance ADD COLUMN entered_by text NOT NULL DEFAULT lajna_actor(),
  ADD COLUMN entered_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN corrects bigint UNIQUE REFERENCES attendance (id),
  ADD COLUMN correction_reason text NOT NULL DEFAULT '',
  ADD CHECK ((corrects IS NULL) = (correction_reason = ''));
CREATE UNIQUE INDEX attendance_once ON attendance (meeting_id, user_id) WHERE corrects IS NULL;

UPDATE vote v SET reasons = coalesce(nullif(d.reasons, ''), 'مخالف لرأي الأغلبية')
  FROM decision d
 WHERE v.choice = 'reject' AND v.reasons = '' AND d.agenda_item_id = v.agenda_item_id;
UPDATE vote SET reasons = 'مخالف لرأي الأغلبية' WHERE choice = 'reject' AND reasons = '';
ALTER TABLE vote ADD CONSTRAINT vote_reject_reasons CHECK (choice <> 'reject' OR reasons <> '');
ALTER TABLE vote DROP CONSTRAINT vote_pkey;
ALTER TABLE vote ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE vote ADD COLUMN entered_by text NOT NULL DEFAULT lajna_actor(),
  ADD COLUMN entered_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN corrects bigint UNIQUE REFERENCES vote (id),
  ADD COLUMN correction_reason text NOT NULL DEFAULT '',
  ADD CHECK ((corrects IS NULL) = (correction_reason = ''));
CREATE UNIQUE INDEX vote_once ON vote (agenda_item_id, user_id) WHERE corrects IS NULL;

ALTER TABLE decision DROP CONSTRAINT decision_agenda_item_id_key;
ALTER TABLE decision ADD COLUMN entered_by text NOT NULL DEFAULT lajna_actor(),
  ADD COLUMN entered_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN corrects bigint UNIQUE REFERENCES decision (id),
  ADD COLUMN correction_reason text NOT NULL DEFAULT '',
  ADD CHECK ((corrects IS NULL) = (correction_reason = ''));
CREATE UNIQUE INDEX decision_once ON decision (agenda_item_id) WHERE corrects IS NULL;

-- Positions are swapped within one statement when items are reordered.
ALTER TABLE agenda_item DROP CONSTRAINT agenda_item_meeting_id_position_key;
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_meeting_id_position_key
  UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED;

-- Words typed at a meeting print in its minutes: no bidi control may
-- reorder them (the client strips them; these checks refuse the rest).
ALTER TABLE meeting ADD CONSTRAINT meeting_no_bidi_control CHECK (NOT lajna_has_bidi_control(place));
ALTER TABLE attendance ADD CONSTRAINT attendance_no_bidi_control
  CHECK (NOT lajna_has_bidi_control(correction_reason));
ALTER TABLE vote ADD CONSTRAINT vote_no_bidi_control
  CHECK (NOT lajna_has_bidi_control(reasons || correction_reason));
ALTER TABLE decision ADD CONSTRAINT decision_no_bidi_control
  CHECK (NOT lajna_has_bidi_control(reasons || correction_reason));

-- The rows in force: those no correction has replaced. Read as the
-- reader, so row-level security holds through them.
CREATE VIEW attendance_now WITH (security_invoker = true) AS
  SELECT a.* FROM attendance a WHERE NOT EXISTS (SELECT FROM attendance c WHERE c.corrects = a.id);
CREATE VIEW vote_now WITH (security_invoker = true) AS
  SELECT v.* FROM vote v WHERE NOT EXISTS (SELECT FROM vote c WHERE c.corrects = v.id);
CREATE VIEW decision_now WITH (security_invoker = true) AS
  SELECT d.* FROM decision d WHERE NOT EXISTS (SELECT FROM decision c WHERE c.corrects = d.id);

-- Which outcomes a file of each kind may get, and after which the file
-- stays open for a periodic review.
CREATE TABLE decision_outcome (
  code        text PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('marriage', 'juvenile')),
  stays_open  boolean NOT NULL,
  -- The status the file takes.
  to_status   text NOT NULL,
  position    integer NOT NULL,
  name_ar     text NOT NULL,
  name_en     text NOT NULL
);
INSERT INTO decision_outcome VALUES
  ('approve', 'marriage', false, 'decided', 1, 'الموافقة', 'Approve'),
  ('reject', 'marriage', false, 'decided', 2, 'الرفض', 'Reject'),
  ('defer', 'marriage', false, 'deferred', 3, 'تأجيل البت لحين استكمال المستندات', 'Defer'),
  ('continue', 'juvenile', true, 'decided', 1, 'استمرار البرنامج', 'Continue the programme'),
  ('modify_programme', 'juvenile', true, 'decided', 2, 'تعديل البرنامج', 'Modify the programme'),
  ('release_to_guardian', 'juvenile', false, 'decided', 3, 'التسليم إلى ولي الأمر',
   'Release to the guardian'),
  ('transfer', 'juvenile', true, 'decided', 4, 'النقل إلى دار أخرى', 'Transfer'),
  ('aftercare', 'juvenile', true, 'decided', 5, 'الرعاية اللاحقة', 'Aftercare'),
  ('refer_to_court', 'juvenile', false, 'decided', 6, 'الإحالة إلى المحكمة', 'Refer to the court');

-- The coded reasons a decision may give, each for one outcome.
CREATE TABLE decision_reason (
  code     text PRIMARY KEY,
  outcome  text NOT NULL REFERENCES decision_outcome,
  name_ar  text NOT NULL,
  name_en  text NOT NULL
);
INSERT INTO decision_reason VALUES
  ('conditions_met', 'approve', 'استيفاء الشروط والمستندات المطلوبة',
   'The conditions and documents are met'),
  ('security_objection', 'reject', 'ورود اعتراض أمني على الطرف الأجنبي',
   'A security objection to the foreign party'),
  ('age_difference', 'reject', 'الفارق الكبير في السن بين الطرفين',
   'A large age difference between the parties'),
  ('residence_unproven', 'reject', 'عدم إثبات الإقامة القانونية للطرف الأجنبي',
   'The foreign party''s legal residence is not proven'),
  ('documents_invalid', 'reject', 'عدم صحة بعض المستندات المقدمة', 'Some documents are not valid'),
  ('previous_marriage_undisclosed', 'reject', 'عدم الإفصاح عن زواج سابق',
   'A previous marriage was not disclosed'),
  ('missing_documents', 'defer', 'نقص في المستندات المطلوبة', 'Documents are missing'),
  ('progress_satisfactory', 'continue', 'تحسن سلوك الحدث وتقدمه في البرنامج',
   'The minor''s conduct and progress are satisfactory'),
  ('programme_review', 'modify_programme', 'توصية الأخصائي بتعديل البرنامج',
   'The specialist recommends changing the programme'),
  ('guardian_fit', 'release_to_guardian', 'أهلية ولي الأمر لرعاية الحدث',
   'The guardian is fit to care for the minor'),
  ('facility_change', 'transfer', 'النقل إلى دار أقرب إلى أسرة الحدث',
   'A home nearer the minor''s family'),
  ('aftercare_plan', 'aftercare', 'انتهاء البرنامج ووضع خطة للرعاية اللاحقة',
   'The programme is over; an aftercare plan is set'),
  ('court_review', 'refer_to_court', 'الحاجة إلى نظر المحكمة في التدبير',
   'The measure needs the court''s review');

-- The change sequence: every change to a meeting or what hangs from it
-- gets the next number, and the channel 'lajna_meeting' is told the
-- meeting and the number. A client wakes on the notification, or after it
-- reconnects, and reads what is newer than what it has.
CREATE TABLE meeting_change (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id bigint NOT NULL,
  what       text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_change_meeting ON meeting_change (meeting_id, seq);

INSERT INTO access_grant (statement) VALUES
  ('GRANT SELECT ON meeting_change, attendance_now, vote_now, decision_now, decision_outcome,'
   ' decision_reason'
   ' TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin'),
  ('GRANT INSERT, UPDATE, DELETE ON meeting, attendance, agenda_item TO lajna_clerk, lajna_chair'),
  ('GRANT INSERT, UPDATE ON vote TO lajna_clerk, lajna_member, lajna_rapporteur, lajna_chair'),
  ('GRANT INSERT, UPDATE ON decision TO lajna_clerk, lajna_chair'),
  ('GRANT UPDATE (next_review_on) ON juvenile_case TO lajna_chair'),
  ('GRANT USAGE ON SEQUENCE vote_id_seq TO lajna_member, lajna_rapporteur');
