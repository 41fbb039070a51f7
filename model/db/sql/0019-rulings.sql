-- Rulings (قرارات): the printed, signed outcome of a file's decision.
--   * the letterhead of each committee: the state, the ministry, the
--     committee's own line, a logo, and the legal basis its rulings cite;
--   * templates per outcome (and per committee, when one has its own
--     wording), with named placeholders; an unknown placeholder is refused
--     when the template is saved, never printed blank;
--   * numbers gapless per committee and year, taken in the transaction
--     that issues the ruling (lajna_ruling_issue()); a ruling once stored
--     is never changed: a correction is a new version.

ALTER TABLE committee ADD COLUMN state_name text NOT NULL DEFAULT 'دولة ليبيا',
                      ADD COLUMN ministry_name text NOT NULL DEFAULT 'وزارة الشؤون الاجتماعية',
                      ADD COLUMN legal_basis text NOT NULL DEFAULT '',
                      ADD COLUMN logo bytea,
                      -- Whether its rulings give the Hijri date beside the Gregorian.
                      ADD COLUMN hijri_dates boolean NOT NULL DEFAULT false;

-- The placeholders a template may name, and what each holds.
CREATE TABLE ruling_placeholder (
  name        text PRIMARY KEY CHECK (name ~ '^[a-z_]+(\.[a-z_]+)?$'),
  description text NOT NULL
);
INSERT INTO ruling_placeholder VALUES
  ('committee.name', 'اسم اللجنة'),
  ('committee.city', 'مدينة اللجنة'),
  ('committee.legal_basis', 'السند القانوني للجنة'),
  ('case.file_number', 'رقم الملف'),
  ('case.received_on', 'تاريخ ورود الملف'),
  ('meeting.number', 'رقم الاجتماع'),
  ('meeting.year', 'سنة الاجتماع'),
  ('meeting.date', 'تاريخ الاجتماع'),
  ('decision.outcome', 'القرار'),
  ('decision.reasons', 'أسباب القرار مكتوبة'),
  ('decision.reason_list', 'الأسباب المرمّزة'),
  ('decision.missing_documents', 'المستندات المطلوب استكمالها'),
  ('decision.next_review', 'موعد المراجعة القادمة'),
  ('decision.date', 'تاريخ القرار'),
  ('applicant.full_name', 'اسم الطرف الليبي'),
  ('applicant.national_number', 'الرقم الوطني للطرف الليبي'),
  ('spouse.full_name', 'اسم الطرف الأجنبي'),
  ('spouse.latin_name', 'اسم الطرف الأجنبي بالحروف اللاتينية'),
  ('spouse.nationality', 'جنسية الطرف الأجنبي'),
  ('spouse.passport_number', 'رقم جواز سفر الطرف الأجنبي'),
  ('juvenile.full_name', 'اسم الحدث'),
  ('juvenile.birth_date', 'تاريخ ميلاد الحدث'),
  ('guardian.name', 'اسم ولي الأمر'),
  ('guardian.relation', 'صلة ولي الأمر'),
  ('juvenile.facility', 'دار الإيواء'),
  ('juvenile.court', 'المحكمة'),
  ('juvenile.court_case_number', 'رقم القضية');

-- The placeholders a text names that are not known; empty when all are.
CREATE FUNCTION lajna_unknown_placeholders(p_text text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT m[1] ORDER BY m[1]), '{}')
    FROM regexp_matches(p_text, '\{([^{}]*)\}', 'g') m
   WHERE NOT EXISTS (SELECT FROM ruling_placeholder p WHERE p.name = m[1])
$$;

-- A template: the title, the preamble citing the legal basis and the
-- meeting, and the articles (المادة الأولى، المادة الثانية …), for an
-- outcome; a committee's own template wins over the shared one.
CREATE TABLE ruling_template (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  committee_id integer REFERENCES committee,
  outcome      text NOT NULL REFERENCES decision_outcome,
  title        text NOT NULL,
  preamble     text NOT NULL,
  articles     text[] NOT NULL CHECK (cardinality(articles) BETWEEN 1 AND 20),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   text NOT NULL DEFAULT lajna_actor(),
  UNIQUE NULLS NOT DISTINCT (committee_id, outcome),
  CHECK (NOT lajna_has_bidi_control(title || preamble || array_to_string(articles, ' ')))
);

CREATE FUNCTION lajna_template_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_unknown text[] := lajna_unknown_placeholders(
    NEW.title || ' ' || NEW.preamble || ' ' || array_to_string(NEW.articles, ' '));
BEGIN
  IF cardinality(v_unknown) > 0 THEN
    RAISE EXCEPTION 'unknown placeholders: %', array_to_string(v_unknown, ', ')
      USING ERRCODE = 'check_violation', HINT = 'lajna:placeholder';
  END IF;
  NEW.updated_at := now();
  NEW.updated_by := lajna_actor();
  RETURN NEW;
END $$;

CREATE TRIGGER template_check BEFORE INSERT OR UPDATE ON ruling_template
  FOR EACH ROW EXECUTE FUNCTION lajna_template_check();

INSERT INTO ruling_template (outcome, title, preamble, articles) VALUES
  ('approve', 'قرار بالموافقة على إتمام إجراءات الزواج',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى الملف رقم {case.file_number} الوارد بتاريخ {case.received_on}، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['الموافقة على إتمام إجراءات زواج المواطن/ة {applicant.full_name} (الرقم الوطني {applicant.national_number}) من {spouse.full_name} ({spouse.latin_name})، {spouse.nationality} الجنسية، جواز سفر رقم {spouse.passport_number}.',
         'أسباب القرار: {decision.reason_list}. {decision.reasons}',
         'يُعمل بهذا القرار من تاريخ صدوره، ويُبلَّغ إلى ذوي الشأن لتنفيذه.']),
  ('reject', 'قرار برفض طلب الزواج',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى الملف رقم {case.file_number} الوارد بتاريخ {case.received_on}، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['رفض طلب زواج المواطن/ة {applicant.full_name} (الرقم الوطني {applicant.national_number}) من {spouse.full_name} ({spouse.latin_name})، {spouse.nationality} الجنسية.',
         'أسباب الرفض: {decision.reason_list}. {decision.reasons}',
         'يُبلَّغ هذا القرار إلى ذوي الشأن، ولهم التظلم منه وفق القانون.']),
  ('defer', 'قرار بتأجيل البت في طلب الزواج',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى الملف رقم {case.file_number} الوارد بتاريخ {case.received_on}، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['تأجيل البت في طلب زواج المواطن/ة {applicant.full_name} من {spouse.full_name} ({spouse.latin_name})، {spouse.nationality} الجنسية.',
         'على مقدم الطلب استكمال المستندات الآتية: {decision.missing_documents}.',
         'يُعرض الملف على اللجنة من جديد عند استكمال المستندات المذكورة. {decision.reasons}']),
  ('continue', 'قرار باستمرار البرنامج التأهيلي',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى ملف الحدث رقم {case.file_number}، وعلى تقارير الأخصائيين، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['استمرار الحدث {juvenile.full_name} المولود بتاريخ {juvenile.birth_date} في البرنامج التأهيلي بـ{juvenile.facility}.',
         'أسباب القرار: {decision.reason_list}. {decision.reasons}',
         'يُعاد عرض الملف على اللجنة في موعد أقصاه {decision.next_review}.']),
  ('modify_programme', 'قرار بتعديل البرنامج التأهيلي',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى ملف الحدث رقم {case.file_number}، وعلى تقارير الأخصائيين، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['تعديل البرنامج التأهيلي للحدث {juvenile.full_name} المولود بتاريخ {juvenile.birth_date} بـ{juvenile.facility}.',
         'أسباب التعديل: {decision.reason_list}. {decision.reasons}',
         'يُعاد عرض الملف على اللجنة في موعد أقصاه {decision.next_review}.']),
  ('release_to_guardian', 'قرار بتسليم الحدث إلى ولي أمره',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى ملف الحدث رقم {case.file_number}، وعلى تقارير الأخصائيين، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['تسليم الحدث {juvenile.full_name} المولود بتاريخ {juvenile.birth_date} إلى ولي أمره {guardian.name} ({guardian.relation}).',
         'أسباب القرار: {decision.reason_list}. {decision.reasons}',
         'يتولى الأخصائي الاجتماعي متابعة الحدث بعد تسليمه.']),
  ('transfer', 'قرار بنقل الحدث',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى ملف الحدث رقم {case.file_number}، وعلى تقارير الأخصائيين، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['نقل الحدث {juvenile.full_name} المولود بتاريخ {juvenile.birth_date} من {juvenile.facility}.',
         'أسباب النقل: {decision.reason_list}. {decision.reasons}',
         'يُعاد عرض الملف على اللجنة في موعد أقصاه {decision.next_review}.']),
  ('aftercare', 'قرار بانتقال الحدث إلى الرعاية اللاحقة',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى ملف الحدث رقم {case.file_number}، وعلى تقارير الأخصائيين، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['انتقال الحدث {juvenile.full_name} المولود بتاريخ {juvenile.birth_date} إلى برنامج الرعاية اللاحقة.',
         'أسباب القرار: {decision.reason_list}. {decision.reasons}',
         'يُعاد عرض الملف على اللجنة في موعد أقصاه {decision.next_review}.']),
  ('refer_to_court', 'قرار بإحالة ملف الحدث إلى المحكمة',
   'إن {committee.name}، بعد الاطلاع على {committee.legal_basis}، وعلى ملف الحدث رقم {case.file_number}، وعلى تقارير الأخصائيين، وعلى ما انتهت إليه اللجنة في اجتماعها رقم ({meeting.number}) لسنة {meeting.year} المنعقد بتاريخ {meeting.date}،',
   ARRAY['إحالة ملف الحدث {juvenile.full_name} المولود بتاريخ {juvenile.birth_date} إلى {juvenile.court} في القضية رقم {juvenile.court_case_number}.',
         'أسباب الإحالة: {decision.reason_list}. {decision.reasons}',
         'يُبلَّغ هذا القرار إلى المحكمة المختصة وإلى ولي أمر الحدث.']);

-- The law a committee's rulings cite, until its administrator writes its own.
CREATE FUNCTION lajna_default_legal_basis(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN CASE p_kind
  WHEN 'marriage' THEN 'القانون رقم (15) لسنة 1984 بشأن زواج الليبيين من الأجانب ولائحته التنفيذية'
  ELSE 'القانون رقم (5) لسنة 1955 بشأن الأحداث، وقرار إنشاء اللجنة' END;

-- Issues the ruling of a decision in force: the next number of the
-- committee's year, taken under the counter's row lock in this very
-- transaction (so that numbers are gapless and none is taken twice), the
-- file moving to ruling_issued. Returns the ruling's id.
CREATE FUNCTION lajna_ruling_issue(p_decision bigint, p_issued_on date DEFAULT current_date)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_committee integer;
  v_case      bigint;
  v_number    integer;
  v_id        bigint;
BEGIN
  SELECT c.committee_id, c.id INTO v_committee, v_case
    FROM decision_now d JOIN case_file c ON c.id = d.case_id WHERE d.id = p_decision;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'decision % is not in force', p_decision USING ERRCODE = 'no_data_found';
  END IF;
  IF EXISTS (SELECT FROM ruling WHERE decision_id = p_decision) THEN
    PERFORM lajna_refuse(format('decision %s already has its ruling', p_decision), 'ruling_issued');
  END IF;
  INSERT INTO ruling_counter (committee_id, year, last_number)
  VALUES (v_committee, extract(year FROM p_issued_on), 1)
  ON CONFLICT (committee_id, year) DO UPDATE SET last_number = ruling_counter.last_number + 1
  RETURNING last_number INTO v_number;
  INSERT INTO ruling (decision_id, committee_id, year, number, issued_on)
  VALUES (p_decision, v_committee, extract(year FROM p_issued_on), v_number, p_issued_on)
  RETURNING id INTO v_id;
  IF (SELECT status FROM case_file WHERE id = v_case) = 'decided' THEN
    PERFORM lajna_case_set_status(v_case, 'ruling_issued', format('ruling %s', v_number));
  END IF;
  PERFORM lajna_audit('ruling.issue', 'ruling', v_id, jsonb_build_object('number', v_number));
  RETURN v_id;
END $$;

-- A ruling stored is final: its PDF and digest are written once, and
-- nothing else changes; a correction is a new version (supersedes).
CREATE FUNCTION lajna_ruling_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lajna_refuse(format('ruling %s is on record and cannot be deleted', OLD.id), 'ruling_final');
  END IF;
  IF (to_jsonb(NEW) - 'pdf' - 'sha256') <> (to_jsonb(OLD) - 'pdf' - 'sha256')
     OR (OLD.pdf IS NOT NULL AND NEW.pdf IS DISTINCT FROM OLD.pdf)
     OR (OLD.sha256 IS NOT NULL AND NEW.sha256 IS DISTINCT FROM OLD.sha256) THEN
    PERFORM lajna_refuse(format('ruling %s is final; issue a new version to correct it', OLD.id),
                         'ruling_final');
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER ruling_final BEFORE UPDATE OR DELETE ON ruling
  FOR EACH ROW EXECUTE FUNCTION lajna_ruling_final();

INSERT INTO access_grant (statement) VALUES
  ('GRANT SELECT ON ruling_placeholder, ruling_template TO lajna_clerk, lajna_member,'
   ' lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin'),
  ('GRANT INSERT, UPDATE ON ruling_template TO lajna_admin'),
  ('GRANT SELECT, INSERT, UPDATE ON ruling, ruling_counter TO lajna_chair, lajna_signatory,'
   ' lajna_clerk');
SELECT lajna_grant_access();

-- The value of every placeholder for a decision, as a ruling prints it:
-- dates year first, names in Arabic; what a file of the other kind has not
-- is empty.
CREATE FUNCTION lajna_ruling_values(p_decision bigint)
RETURNS TABLE (name text, value text)
LANGUAGE sql STABLE AS $$
  SELECT v.name, coalesce(v.value, '')
    FROM decision d
    JOIN case_file c ON c.id = d.case_id
    JOIN committee k ON k.id = c.committee_id
    LEFT JOIN agenda_item i ON i.id = d.agenda_item_id
    LEFT JOIN meeting m ON m.id = i.meeting_id
    LEFT JOIN marriage_case mc ON mc.case_id = c.id
    LEFT JOIN person lp ON lp.id = mc.libyan_party_id
    LEFT JOIN person fp ON fp.id = mc.foreign_party_id
    LEFT JOIN country fc ON fc.code = fp.nationality
    LEFT JOIN juvenile_case jc ON jc.case_id = c.id
    LEFT JOIN person jp ON jp.id = jc.juvenile_id
    CROSS JOIN LATERAL (VALUES
      ('committee.name', k.name_ar), ('committee.city', k.city),
      ('committee.legal_basis', coalesce(nullif(k.legal_basis, ''),
                                         lajna_default_legal_basis(k.kind))),
      ('case.file_number', c.file_number), ('case.received_on', c.received_on::text),
      ('meeting.number', m.number::text), ('meeting.year', m.year::text),
      ('meeting.date', m.held_on::text),
      ('decision.outcome', (SELECT o.name_ar FROM decision_outcome o WHERE o.code = d.outcome)),
      ('decision.reasons', d.reasons),
      ('decision.reason_list', (SELECT string_agg(r.name_ar, '، ' ORDER BY x.n)
                                  FROM unnest(d.reason_codes) WITH ORDINALITY x (code, n)
                                  JOIN decision_reason r ON r.code = x.code)),
      ('decision.missing_documents', (SELECT string_agg(t.name_ar, '، ' ORDER BY x.n)
                                        FROM unnest(d.missing_types) WITH ORDINALITY x (code, n)
                                        JOIN document_type t ON t.code = x.code)),
      ('decision.next_review', d.next_review_on::text), ('decision.date', d.decided_on::text),
      ('applicant.full_name', lp.full_name), ('applicant.national_number', lp.national_number),
      ('spouse.full_name', fp.full_name), ('spouse.latin_name', fp.latin_name),
      ('spouse.nationality', fc.name_ar), ('spouse.passport_number', fp.passport_number),
      ('juvenile.full_name', jp.full_name), ('juvenile.birth_date', jp.birth_date::text),
      ('guardian.name', jc.guardian_name), ('guardian.relation', jc.guardian_relation),
      ('juvenile.facility', jc.facility), ('juvenile.court', jc.court),
      ('juvenile.court_case_number', jc.court_case_number)) v (name, value)
   WHERE d.id = p_decision
$$;

-- Stores a ruling's signed PDF, once, with its SHA-256: the signature is
-- recorded for the signatory acting (when they have a login of their
-- own), and the file moves on to signed.
CREATE FUNCTION lajna_ruling_store_signed(p_ruling bigint, p_pdf bytea, p_subject text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_case bigint;
BEGIN
  UPDATE ruling SET pdf = p_pdf, sha256 = sha256(p_pdf) WHERE id = p_ruling AND pdf IS NULL;
  IF NOT FOUND THEN
    PERFORM lajna_refuse(format('ruling %s is signed already or is not there', p_ruling),
                         'ruling_final');
  END IF;
  INSERT INTO signature (ruling_id, user_id, method, certificate_subject)
  SELECT p_ruling, u.id, 'digital', p_subject FROM app_user u WHERE u.login = lajna_actor();
  SELECT d.case_id INTO v_case FROM ruling r JOIN decision d ON d.id = r.decision_id
   WHERE r.id = p_ruling;
  IF (SELECT status FROM case_file WHERE id = v_case) = 'ruling_issued' THEN
    PERFORM lajna_case_set_status(v_case, 'signed', format('ruling %s signed', p_ruling));
  END IF;
  PERFORM lajna_audit('ruling.sign', 'ruling', p_ruling,
                      jsonb_build_object('certificate', p_subject));
END $$;

INSERT INTO access_grant (statement) VALUES
  ('GRANT INSERT ON signature TO lajna_chair, lajna_signatory'),
  ('GRANT UPDATE (status, row_version, updated_at) ON case_file TO lajna_signatory'),
  ('GRANT INSERT ON case_history TO lajna_signatory');
SELECT lajna_grant_access();
