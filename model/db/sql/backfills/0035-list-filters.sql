-- The follow-up rows of the files stored so far, with no JIT for the
-- one large query.
SET LOCAL jit = off;
SELECT lajna_follow_up_fill();
ANALYZE case_follow_up;
