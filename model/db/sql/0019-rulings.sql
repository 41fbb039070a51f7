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

INSERT INTO access_grant (statement) VALUES
  ('GRANT SELECT ON ruling_placeholder, ruling_template TO lajna_clerk, lajna_member,'
   ' lajna_rapporteur, lajna_chair, lajna_signatory, lajna_admin'),
  ('GRANT INSERT, UPDATE ON ruling_template TO lajna_admin'),
  ('GRANT SELECT, INSERT, UPDATE ON ruling, ruling_counter TO lajna_chair, lajna_signatory,'
   ' lajna_clerk');

INSERT INTO access_grant (statement) VALUES
  ('GRANT INSERT ON signature TO lajna_chair, lajna_signatory'),
  ('GRANT UPDATE (status, row_version, updated_at) ON case_file TO lajna_signatory'),
  ('GRANT INSERT ON case_history TO lajna_signatory');
