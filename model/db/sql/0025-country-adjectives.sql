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

-- ---------------------------------------------------------------------
-- Dates.

-- The day the database works on: the server's today. A session opened
-- by a superuser (who could bypass any rule), whatever role it acts as,
-- may name another in lajna.today, as the tests do to hold a meeting on
-- the day they give.
CREATE FUNCTION lajna_today() RETURNS date
LANGUAGE sql STABLE
RETURN CASE WHEN (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user)
            THEN coalesce(nullif(current_setting('lajna.today', true), '')::date, current_date)
            ELSE current_date END;

-- The steps of 0018, and the day: a meeting convenes and closes on the
-- day it is dated; every change of its date is in the audit trail.
CREATE OR REPLACE FUNCTION lajna_meeting_steps() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      PERFORM lajna_refuse(format('meeting %s has convened and stays on record', OLD.id), 'kept');
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'closed' THEN
    PERFORM lajna_refuse(format('meeting %s is closed and cannot be changed', OLD.id), 'closed');
  END IF;
  IF NEW.state <> OLD.state
     AND NOT (OLD.state = 'draft' AND NEW.state = 'convened')
     AND NOT (OLD.state = 'convened' AND NEW.state = 'closed') THEN
    PERFORM lajna_refuse(format('a meeting cannot go from %s to %s', OLD.state, NEW.state), 'step');
  END IF;
  IF NEW.state <> OLD.state AND NEW.held_on <> lajna_today() THEN
    PERFORM lajna_refuse(format('meeting %s is dated %s, not today: move it to today first',
                                OLD.id, NEW.held_on), 'meeting_day');
  END IF;
  IF NEW.held_on <> OLD.held_on THEN
    PERFORM lajna_audit('meeting.date', 'meeting', OLD.id,
                        jsonb_build_object('from', OLD.held_on, 'to', NEW.held_on));
  END IF;
  IF NEW.state = 'closed' THEN
    NEW.closed_at := now();
  END IF;
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END $$;

-- A decision moved to its meeting's new day keeps who entered it, and when.
CREATE FUNCTION lajna_decision_keep_entry() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF (to_jsonb(NEW) - ARRAY['decided_on', 'entered_by', 'entered_at'])
     = (to_jsonb(OLD) - ARRAY['decided_on', 'entered_by', 'entered_at']) THEN
    NEW.entered_by := OLD.entered_by;
    NEW.entered_at := OLD.entered_at;
  END IF;
  RETURN NEW;
END $$;

-- After decision_check, which marks the row as entered anew.
CREATE TRIGGER decision_keep_entry BEFORE UPDATE ON decision
  FOR EACH ROW EXECUTE FUNCTION lajna_decision_keep_entry();

-- Moves meeting p_meeting to p_day with the decisions taken at it,
-- numbered anew among p_day's year's meetings when that is another year;
-- refused when a ruling issued from it would be dated before it.
CREATE FUNCTION lajna_meeting_move(p_meeting meeting, p_day date) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_year integer := extract(year FROM p_day);
BEGIN
  IF EXISTS (SELECT FROM ruling r JOIN decision d ON d.id = r.decision_id
               JOIN agenda_item i ON i.id = d.agenda_item_id
              WHERE i.meeting_id = p_meeting.id AND r.issued_on < p_day) THEN
    PERFORM lajna_refuse(format('meeting %s has rulings dated before %s', p_meeting.id, p_day),
                         'ruling_before_meeting');
  END IF;
  IF v_year <> p_meeting.year THEN
    PERFORM pg_advisory_xact_lock(hashtext('lajna_meeting_number'), p_meeting.committee_id);
  END IF;
  UPDATE meeting m
     SET held_on = p_day, year = v_year,
         number = CASE WHEN v_year = p_meeting.year THEN m.number
                       ELSE (SELECT coalesce(max(o.number), 0) + 1 FROM meeting o
                              WHERE o.committee_id = m.committee_id AND o.year = v_year) END
   WHERE m.id = p_meeting.id;
  UPDATE decision d SET decided_on = p_day
    FROM agenda_item i
   WHERE i.id = d.agenda_item_id AND i.meeting_id = p_meeting.id AND d.decided_on <> p_day;
END $$;

-- Convenes or closes a meeting, on its own day; with p_change_date, on
-- today, the meeting moved to today first. Files on its agenda that were
-- not decided go back to wait for the next meeting when it closes.
DROP FUNCTION lajna_meeting_set_state(bigint, text);
CREATE FUNCTION lajna_meeting_set_state(p_meeting bigint, p_to text,
                                        p_change_date boolean DEFAULT false)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_meeting meeting := lajna_meeting_lock(p_meeting);
  v_case    bigint;
BEGIN
  IF p_change_date AND v_meeting.held_on <> lajna_today() THEN
    PERFORM lajna_meeting_move(v_meeting, lajna_today());
  END IF;
  UPDATE meeting SET state = p_to WHERE id = p_meeting;
  IF p_to = 'closed' THEN
    FOR v_case IN SELECT i.case_id FROM agenda_item i JOIN case_file c ON c.id = i.case_id
                   WHERE i.meeting_id = p_meeting AND c.status = 'scheduled'
                     AND NOT EXISTS (SELECT FROM decision d WHERE d.agenda_item_id = i.id) LOOP
      PERFORM lajna_case_set_status(v_case, 'complete', format('not decided at meeting %s', p_meeting));
    END LOOP;
  END IF;
  PERFORM lajna_audit('meeting.' || p_to, 'meeting', p_meeting);
END $$;

-- A ruling, or its corrected version, is dated on or after the meeting
-- whose decision it issues.
CREATE FUNCTION lajna_ruling_after_meeting() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_held_on date := (SELECT m.held_on FROM decision d
                       JOIN agenda_item i ON i.id = d.agenda_item_id
                       JOIN meeting m ON m.id = i.meeting_id
                      WHERE d.id = NEW.decision_id);
BEGIN
  IF NEW.issued_on < v_held_on THEN
    PERFORM lajna_refuse(format('a ruling dated %s cannot issue a decision of the meeting of %s',
                                NEW.issued_on, v_held_on), 'ruling_before_meeting');
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER ruling_after_meeting BEFORE INSERT ON ruling
  FOR EACH ROW EXECUTE FUNCTION lajna_ruling_after_meeting();
