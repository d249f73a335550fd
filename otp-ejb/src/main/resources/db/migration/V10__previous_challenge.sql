-- A generate counts its send and points the user at the new code in one statement (issue 13). That
-- statement hands back the code it replaced, which is kept here: an UPDATE ... RETURNING returns the
-- row's new values only. Written and read within one statement; expand only, an older node ignores it.
alter table end_user add column previous_challenge_id bigint;
