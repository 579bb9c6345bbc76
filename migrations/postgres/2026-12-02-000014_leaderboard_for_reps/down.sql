ALTER TABLE accounts DROP COLUMN reps_see_leaderboard;
