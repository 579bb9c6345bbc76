DROP INDEX users_email;
ALTER TABLE users DROP CONSTRAINT users_account_email_key;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
