-- The wording of rulings agrees with the parties: «المواطن» or
-- «المواطنة» as the Libyan party is a man or a woman, and the foreign
-- party's nationality as an adjective of their sex («مصري الجنسية»,
-- «مصرية الجنسية»), or «يحمل جنسية …» / «تحمل جنسية …» for a country
-- whose adjective is not known.

-- The nationality adjective of a country, masculine and feminine: for the
-- members of the Arab League and the nationalities committees meet most.
ALTER TABLE country ADD COLUMN adjective_m text, ADD COLUMN adjective_f text,
  ADD CHECK ((adjective_m IS NULL) = (adjective_f IS NULL));

UPDATE country c SET adjective_m = a.m, adjective_f = a.f
  FROM (VALUES
    -- The Arab League.
    ('AE', 'إماراتي', 'إماراتية'), ('BH', 'بحريني', 'بحرينية'), ('DJ', 'جيبوتي', 'جيبوتية'),
    ('DZ', 'جزائري', 'جزائرية'), ('EG', 'مصري', 'مصرية'), ('IQ', 'عراقي', 'عراقية'),
    ('JO', 'أردني', 'أردنية'), ('KM', 'قمري', 'قمرية'), ('KW', 'كويتي', 'كويتية'),
    ('LB', 'لبناني', 'لبنانية'), ('LY', 'ليبي', 'ليبية'), ('MA', 'مغربي', 'مغربية'),
    ('MR', 'موريتاني', 'موريتانية'), ('OM', 'عماني', 'عمانية'), ('PS', 'فلسطيني', 'فلسطينية'),
    ('QA', 'قطري', 'قطرية'), ('SA', 'سعودي', 'سعودية'), ('SD', 'سوداني', 'سودانية'),
    ('SO', 'صومالي', 'صومالية'), ('SY', 'سوري', 'سورية'), ('TN', 'تونسي', 'تونسية'),
    ('YE', 'يمني', 'يمنية'),
    -- Africa.
    ('TD', 'تشادي', 'تشادية'), ('NE', 'نيجري', 'نيجرية'), ('NG', 'نيجيري', 'نيجيرية'),
    ('ML', 'مالي', 'مالية'), ('SN', 'سنغالي', 'سنغالية'), ('GH', 'غاني', 'غانية'),
    ('ET', 'إثيوبي', 'إثيوبية'), ('ER', 'إريتري', 'إريترية'), ('KE', 'كيني', 'كينية'),
    ('CM', 'كاميروني', 'كاميرونية'), ('CI', 'إيفواري', 'إيفوارية'), ('GN', 'غيني', 'غينية'),
    ('GM', 'غامبي', 'غامبية'), ('BF', 'بوركيني', 'بوركينية'), ('UG', 'أوغندي', 'أوغندية'),
    -- Asia.
    ('TR', 'تركي', 'تركية'), ('PK', 'باكستاني', 'باكستانية'), ('BD', 'بنغلاديشي', 'بنغلاديشية'),
    ('IN', 'هندي', 'هندية'), ('PH', 'فلبيني', 'فلبينية'), ('ID', 'إندونيسي', 'إندونيسية'),
    ('MY', 'ماليزي', 'ماليزية'), ('CN', 'صيني', 'صينية'), ('IR', 'إيراني', 'إيرانية'),
    ('AF', 'أفغاني', 'أفغانية'), ('LK', 'سريلانكي', 'سريلانكية'), ('NP', 'نيبالي', 'نيبالية'),
    ('VN', 'فيتنامي', 'فيتنامية'), ('TH', 'تايلندي', 'تايلندية'), ('UZ', 'أوزبكي', 'أوزبكية'),
    ('AZ', 'أذربيجاني', 'أذربيجانية'), ('JP', 'ياباني', 'يابانية'),
    -- Europe, the Americas and Oceania.
    ('GB', 'بريطاني', 'بريطانية'), ('FR', 'فرنسي', 'فرنسية'), ('DE', 'ألماني', 'ألمانية'),
    ('IT', 'إيطالي', 'إيطالية'), ('ES', 'إسباني', 'إسبانية'), ('PT', 'برتغالي', 'برتغالية'),
    ('MT', 'مالطي', 'مالطية'), ('GR', 'يوناني', 'يونانية'), ('CY', 'قبرصي', 'قبرصية'),
    ('NL', 'هولندي', 'هولندية'), ('BE', 'بلجيكي', 'بلجيكية'), ('CH', 'سويسري', 'سويسرية'),
    ('AT', 'نمساوي', 'نمساوية'), ('SE', 'سويدي', 'سويدية'), ('NO', 'نرويجي', 'نرويجية'),
    ('DK', 'دنماركي', 'دنماركية'), ('PL', 'بولندي', 'بولندية'), ('RO', 'روماني', 'رومانية'),
    ('BG', 'بلغاري', 'بلغارية'), ('RS', 'صربي', 'صربية'), ('BA', 'بوسني', 'بوسنية'),
    ('AL', 'ألباني', 'ألبانية'), ('RU', 'روسي', 'روسية'), ('UA', 'أوكراني', 'أوكرانية'),
    ('BY', 'بيلاروسي', 'بيلاروسية'), ('US', 'أمريكي', 'أمريكية'), ('CA', 'كندي', 'كندية'),
    ('BR', 'برازيلي', 'برازيلية'), ('AR', 'أرجنتيني', 'أرجنتينية'), ('AU', 'أسترالي', 'أسترالية'))
    a (code, m, f)
 WHERE c.code = a.code;

-- The words of a nationality in a ruling's sentence, for a person of sex
-- p_sex from p_country.
CREATE FUNCTION lajna_nationality_words(p_sex text, p_country char(2)) RETURNS text
LANGUAGE sql STABLE
RETURN (SELECT CASE WHEN p_sex = 'f' AND c.adjective_f IS NOT NULL THEN c.adjective_f || ' الجنسية'
                    WHEN p_sex = 'm' AND c.adjective_m IS NOT NULL THEN c.adjective_m || ' الجنسية'
                    WHEN p_sex = 'f' THEN 'تحمل جنسية ' || c.name_ar
                    ELSE 'يحمل جنسية ' || c.name_ar END
          FROM public.country c WHERE c.code = p_country);

INSERT INTO ruling_placeholder VALUES
  ('applicant.citizen', 'المواطن أو المواطنة، بحسب جنس الطرف الليبي'),
  ('spouse.nationality_words', 'جنسية الطرف الأجنبي صفةً بحسب جنسه: «مصري الجنسية»، «مصرية الجنسية»');

CREATE OR REPLACE FUNCTION lajna_ruling_values(p_decision bigint)
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
      ('applicant.citizen', CASE lp.sex WHEN 'f' THEN 'المواطنة' WHEN 'm' THEN 'المواطن' END),
      ('spouse.full_name', fp.full_name), ('spouse.latin_name', fp.latin_name),
      ('spouse.nationality', fc.name_ar), ('spouse.passport_number', fp.passport_number),
      ('spouse.nationality_words', lajna_nationality_words(fp.sex, fp.nationality)),
      ('juvenile.full_name', jp.full_name), ('juvenile.birth_date', jp.birth_date::text),
      ('guardian.name', jc.guardian_name), ('guardian.relation', jc.guardian_relation),
      ('juvenile.facility', jc.facility), ('juvenile.court', jc.court),
      ('juvenile.court_case_number', jc.court_case_number)) v (name, value)
   WHERE d.id = p_decision
$$;

-- Every template, the shared ones and the committees' own, says the
-- party's own word for them.
UPDATE ruling_template t
   SET articles = (SELECT array_agg(replace(replace(a, 'المواطن/ة', '{applicant.citizen}'),
                                            '{spouse.nationality} الجنسية',
                                            '{spouse.nationality_words}') ORDER BY n)
                     FROM unnest(t.articles) WITH ORDINALITY x (a, n))
 WHERE array_to_string(t.articles, ' ') LIKE '%المواطن/ة%'
    OR array_to_string(t.articles, ' ') LIKE '%{spouse.nationality} الجنسية%';
