-- Whether reps may see the leaderboard's names and ranks (never colleagues' amounts).
ALTER TABLE accounts ADD COLUMN reps_see_leaderboard BOOLEAN NOT NULL DEFAULT FALSE;
