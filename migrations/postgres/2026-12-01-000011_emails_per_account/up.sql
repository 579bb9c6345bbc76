-- An e-mail is unique within its account, not across accounts: an admin must not learn
-- from a refusal that someone of another company uses an address.
ALTER TABLE users DROP CONSTRAINT users_email_key;
ALTER TABLE users ADD CONSTRAINT users_account_email_key UNIQUE (account_id, email);
CREATE INDEX users_email ON users (email);
