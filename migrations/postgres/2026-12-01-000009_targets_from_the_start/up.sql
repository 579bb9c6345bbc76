-- The first target of each period kind is in force from the start (rule 6): stored from the
-- first day of the accepted range of dates, so that a change made in the period the
-- objective was created in is a change, not a rewrite of every earlier period.
UPDATE objective_targets SET effective_from = '1900-01-01'
WHERE effective_from = (
    SELECT MIN(t.effective_from) FROM objective_targets t
    WHERE t.objective_id = objective_targets.objective_id AND t.period = objective_targets.period
);
