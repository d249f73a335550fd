-- When an account's password last changed: console sessions signed in before that are ended.
alter table account add column credentials_changed_at bigint;
