-- Running totals per activity objective, user and local day, month or year: what an objective's
-- figures read, one row for a user's year whatever the history. Kept with every activity, and
-- rebuilt from activity_buckets whenever the objective's definition changes.
CREATE TABLE objective_buckets (
    account_id    INTEGER NOT NULL,
    objective_id  INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    grain         TEXT NOT NULL CHECK (grain IN ('day', 'month', 'year')),
    bucket        DATE NOT NULL,
    count         INTEGER NOT NULL,
    PRIMARY KEY (objective_id, grain, bucket, user_id),
    FOREIGN KEY (account_id, objective_id) REFERENCES objectives (account_id, id)
);

INSERT INTO objective_buckets (account_id, objective_id, user_id, grain, bucket, count)
SELECT b.account_id, o.id, b.user_id, b.grain, b.bucket, SUM(b.count)
FROM objectives o
JOIN outcomes oc ON oc.account_id = o.account_id AND oc.action_id = o.action_id
JOIN activity_buckets b ON b.account_id = o.account_id AND b.outcome_id = oc.id
WHERE o.kind = 'activity'
  AND (o.whole_action OR EXISTS (
      SELECT 1 FROM objective_outcomes x WHERE x.objective_id = o.id AND x.outcome_id = oc.id))
  AND (o.context = 'both' OR (o.context = 'leads' AND b.subject_kind = 'lead')
      OR (o.context = 'prospects' AND b.subject_kind = 'prospect'))
  AND (o.pipeline_id IS NULL OR b.pipeline_id = o.pipeline_id)
GROUP BY b.account_id, o.id, b.user_id, b.grain, b.bucket;

INSERT INTO objective_buckets (account_id, objective_id, user_id, grain, bucket, count)
SELECT account_id, objective_id, user_id, 'year', date(bucket, 'start of year'), SUM(count)
FROM objective_buckets WHERE grain = 'month'
GROUP BY account_id, objective_id, user_id, date(bucket, 'start of year');
