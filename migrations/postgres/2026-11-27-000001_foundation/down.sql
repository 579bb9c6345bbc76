DROP TABLE login_failures;
DROP TABLE team_memberships;
DROP TABLE teams;
DROP TABLE users;
DROP TABLE accounts;
