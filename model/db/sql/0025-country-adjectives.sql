-- Official papers agree with the facts they state.
--   * The wording of rulings agrees with the parties: «المواطن» or
--     «المواطنة» as the Libyan party is a man or a woman, and the foreign
--     party's nationality as an adjective of their sex («مصري الجنسية»,
--     «مصرية الجنسية»), or «يحمل جنسية …» / «تحمل جنسية …» for a country
--     whose adjective is not known.
--   * Dates agree: a meeting convenes and closes on its own day, or is
--     moved to the day it does, on record; a ruling is never dated before
--     the meeting whose decision it issues.

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

INSERT INTO ruling_placeholder VALUES
  ('applicant.citizen', 'المواطن أو المواطنة، بحسب جنس الطرف الليبي'),
  ('spouse.nationality_words', 'جنسية الطرف الأجنبي صفةً بحسب جنسه: «مصري الجنسية»، «مصرية الجنسية»');

-- Every template, the shared ones and the committees' own, says the
-- party's own word for them.
UPDATE ruling_template t
   SET articles = (SELECT array_agg(replace(replace(a, 'المواطن/ة', '{applicant.citizen}'),
                                            '{spouse.nationality} الجنسية',
                                            '{spouse.nationality_words}') ORDER BY n)
                     FROM unnest(t.articles) WITH ORDINALITY x (a, n))
 WHERE array_to_string(t.articles, ' ') LIKE '%المواطن/ة%'
    OR array_to_string(t.articles, ' ') LIKE '%{spouse.nationality} الجنسية%';

-- Convenes or closes a meeting, on its own day; with p_change_date, on
-- today, the meeting moved to today first. Files on its agenda that were
-- not decided go back to wait for the next meeting when it closes.
DROP FUNCTION IF EXISTS lajna_meeting_set_state(bigint, text);
