-- The user row points at its current challenge, set under the row lock by the generate that created it.
-- (Challenge ids come from per-node blocks of 50, so "highest id" is not "newest" across nodes.)
alter table end_user add column current_challenge_id bigint;
