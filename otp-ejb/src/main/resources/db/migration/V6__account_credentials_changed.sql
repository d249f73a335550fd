-- When an account's password last changed: console sessions signed in before that are ended.
alter table account add column credentials_changed_at bigint;
-- When the account was last told by mail that someone tried to sign up with its address (throttled).
alter table account add column notice_sent_at bigint;
