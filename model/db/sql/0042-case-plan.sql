-- A juvenile file's case plan: goals (education, work, counselling, the
-- family, health, behaviour), each with a target day and a status,
-- reviewed at each periodic review; every review stays, with who made
-- it, on which day, and its note. The file's social worker and
-- psychologist, and its committee's clerk, rapporteur and chair, set and
-- review goals, through the functions below only; whoever reads the file
-- reads its plan.

CREATE TABLE case_plan_goal (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    bigint NOT NULL REFERENCES case_file ON DELETE CASCADE,
  domain     text NOT NULL CHECK (domain IN ('education', 'vocational', 'counselling', 'family',
                                             'health', 'behaviour', 'other')),
  goal       text NOT NULL CHECK (btrim(goal) <> '' AND char_length(goal) <= 2000
                                  AND NOT lajna_has_bidi_control(goal)),
  target_on  date,
  status     text NOT NULL DEFAULT 'open'
             CHECK (status IN ('open', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
  created_by integer NOT NULL REFERENCES app_user,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_plan_goal_case ON case_plan_goal (case_id);

CREATE TABLE case_plan_review (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  goal_id     bigint NOT NULL REFERENCES case_plan_goal ON DELETE CASCADE,
  reviewed_on date NOT NULL,
  status      text NOT NULL
              CHECK (status IN ('open', 'in_progress', 'achieved', 'not_achieved', 'dropped')),
  note        text NOT NULL DEFAULT ''
              CHECK (char_length(note) <= 2000 AND NOT lajna_has_bidi_control(note)),
  reviewer_id integer NOT NULL REFERENCES app_user,
  reviewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_plan_review_goal ON case_plan_review (goal_id);
