-- Reports a juvenile file's social worker and psychologist write in the
-- application: a social inquiry, a psychological assessment, a periodic
-- progress report, an aftercare follow-up. A kind's sections are data
-- (title, prompt, required or not). A report is a draft its author edits,
-- then submitted: frozen, read by the committee, and stored as the file's
-- document of its author's type (the checklist's social worker's or
-- psychologist's report), so that the checklist, the follow-up and the
-- meetings take it as a scanned one. A decision on the file, or its chair
-- or rapporteur, locks it. A correction is the next version of the same
-- report, with its reason; it keeps the first version's date, so that a
-- correction does not renew the report's validity.
--
-- Nobody writes these tables but through the functions below, which run
-- with the owner's rights and check the person acting themselves.

CREATE TABLE report_kind (
  code     text PRIMARY KEY,
  name_ar  text NOT NULL,
  name_en  text NOT NULL,
  -- Who writes it.
  roles    text[] NOT NULL CHECK (roles <> '{}'
                                  AND roles <@ ARRAY['social_worker', 'psychologist']),
  position integer NOT NULL UNIQUE,
  active   boolean NOT NULL DEFAULT true
);

CREATE TABLE report_section (
  kind_code text NOT NULL REFERENCES report_kind,
  code      text NOT NULL CHECK (code ~ '^[a-z][a-z_]{0,40}$'),
  position  integer NOT NULL CHECK (position > 0),
  title_ar  text NOT NULL,
  title_en  text NOT NULL,
  prompt_ar text NOT NULL DEFAULT '',
  prompt_en text NOT NULL DEFAULT '',
  required  boolean NOT NULL DEFAULT true,
  PRIMARY KEY (kind_code, code),
  UNIQUE (kind_code, position)
);

INSERT INTO report_kind (code, name_ar, name_en, roles, position) VALUES
  ('social_inquiry', 'تقرير البحث الاجتماعي', 'Social inquiry', '{social_worker}', 1),
  ('psychological_assessment', 'تقرير التقييم النفسي', 'Psychological assessment',
   '{psychologist}', 2),
  ('periodic_progress', 'تقرير المتابعة الدورية', 'Periodic progress',
   '{social_worker,psychologist}', 3),
  ('aftercare_follow_up', 'تقرير الرعاية اللاحقة', 'Aftercare follow-up', '{social_worker}', 4);

INSERT INTO report_section (kind_code, code, position, title_ar, title_en, prompt_ar, prompt_en,
                            required) VALUES
  ('social_inquiry', 'family', 1, 'الظروف الأسرية', 'Family circumstances',
   'من يعيش مع الحدث، المسكن، دخل الأسرة، والعلاقات داخلها.',
   'Who the juvenile lives with, the home, the family''s income and relations within it.', true),
  ('social_inquiry', 'education', 2, 'التعليم والعمل', 'Education and work',
   'آخر صف دراسي، الانتظام في الدراسة، أي عمل سابق.',
   'The last school year, attendance, any work before.', true),
  ('social_inquiry', 'circumstances', 3, 'ظروف الواقعة', 'Circumstances of the case',
   'ما أدى إلى إيداع الحدث كما رواه هو وأسرته.',
   'What led to the juvenile''s placement, as they and their family tell it.', true),
  ('social_inquiry', 'surroundings', 4, 'البيئة والأصدقاء', 'Surroundings and friends',
   'الحي، الرفاق، أوقات الفراغ.', 'The neighbourhood, friends, free time.', false),
  ('social_inquiry', 'recommendations', 5, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true),
  ('psychological_assessment', 'observation', 1, 'الملاحظة والمقابلة', 'Observation and interview',
   'سلوك الحدث في المقابلة، المزاج، التواصل.',
   'The juvenile''s behaviour in the interview, mood, communication.', true),
  ('psychological_assessment', 'tests', 2, 'الاختبارات المستخدمة ونتائجها', 'Tests and results',
   'اسم كل اختبار، تاريخه، ونتيجته.', 'Each test''s name, date and result.', false),
  ('psychological_assessment', 'assessment', 3, 'التقييم النفسي', 'Assessment',
   'الصورة النفسية للحدث، ونقاط القوة والاحتياج.',
   'The juvenile''s psychological picture, strengths and needs.', true),
  ('psychological_assessment', 'recommendations', 4, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true),
  ('periodic_progress', 'progress', 1, 'التقدم في البرنامج', 'Progress in the programme',
   'ما تحقق من أهداف الخطة منذ التقرير السابق.',
   'What the plan''s goals achieved since the last report.', true),
  ('periodic_progress', 'behaviour', 2, 'السلوك داخل الدار', 'Behaviour in the home',
   'الانضباط، العلاقات مع الزملاء والمشرفين.', 'Discipline, relations with peers and staff.', true),
  ('periodic_progress', 'family_contact', 3, 'التواصل مع الأسرة', 'Contact with the family',
   'الزيارات والاتصالات ونتائجها.', 'Visits and calls, and how they went.', false),
  ('periodic_progress', 'recommendations', 4, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true),
  ('aftercare_follow_up', 'situation', 1, 'الوضع بعد الخروج', 'Situation since release',
   'أين يقيم الحدث ومع من، وكيف يمضي يومه.',
   'Where and with whom the juvenile lives, and how they spend their days.', true),
  ('aftercare_follow_up', 'integration', 2, 'الاندماج الأسري والاجتماعي',
   'Family and social integration', 'العلاقة بالأسرة والحي، وأي صعوبات.',
   'Relations with the family and neighbourhood, and any difficulties.', true),
  ('aftercare_follow_up', 'education', 3, 'الدراسة أو العمل', 'School or work',
   'العودة إلى الدراسة أو التدريب أو العمل.', 'Return to school, training or work.', false),
  ('aftercare_follow_up', 'recommendations', 4, 'التوصيات', 'Recommendations',
   'ما توصي به اللجنة وأسبابه.', 'What you recommend to the committee, and why.', true);

CREATE TABLE case_report (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  kind_code    text NOT NULL REFERENCES report_kind,
  author_id    integer NOT NULL REFERENCES app_user,
  author_role  text NOT NULL CHECK (author_role IN ('social_worker', 'psychologist')),
  -- The first version's id; a correction is the next version of a series.
  series_id    bigint NOT NULL REFERENCES case_report,
  version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
  corrects     bigint UNIQUE REFERENCES case_report,
  reason       text NOT NULL DEFAULT ''
               CHECK (char_length(reason) <= 2000 AND NOT lajna_has_bidi_control(reason)),
  state        text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'locked')),
  row_version  integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  submitted_on date,
  document_id  bigint UNIQUE,
  locked_at    timestamptz,
  -- The decision that locked it, or NULL when its chair or rapporteur did.
  locked_by    bigint REFERENCES decision,
  UNIQUE (series_id, version),
  CHECK ((version = 1) = (corrects IS NULL)),
  CHECK (version = 1 OR reason <> ''),
  CHECK ((state = 'draft') = (submitted_at IS NULL)),
  CHECK ((state = 'draft') = (document_id IS NULL)),
  CHECK ((state = 'locked') = (locked_at IS NOT NULL))
);
CREATE UNIQUE INDEX case_report_one_draft ON case_report (series_id) WHERE state = 'draft';
CREATE INDEX case_report_case ON case_report (case_id, kind_code);

CREATE TABLE case_report_section (
  report_id bigint NOT NULL REFERENCES case_report ON DELETE CASCADE,
  code      text NOT NULL,
  position  integer NOT NULL,
  -- As the kind had them when the report began.
  title_ar  text NOT NULL,
  title_en  text NOT NULL,
  prompt_ar text NOT NULL,
  prompt_en text NOT NULL,
  required  boolean NOT NULL,
  body      text NOT NULL DEFAULT ''
            CHECK (char_length(body) <= 20000 AND NOT lajna_has_bidi_control(body)),
  PRIMARY KEY (report_id, code)
);

-- A submitted report is its file's document, written only by the
-- functions below.
ALTER TABLE document DROP CONSTRAINT document_source_check;
ALTER TABLE document ADD CONSTRAINT document_source_check
  CHECK (source IN ('scan', 'import', 'report'));
ALTER TABLE document ADD COLUMN report_id bigint UNIQUE REFERENCES case_report;
ALTER TABLE document ADD CONSTRAINT document_report_source
  CHECK ((source = 'report') = (report_id IS NOT NULL));
ALTER TABLE case_report ADD CONSTRAINT case_report_document
  FOREIGN KEY (document_id) REFERENCES document DEFERRABLE INITIALLY DEFERRED;
