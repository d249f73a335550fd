-- A generate finds the code it supersedes through end_user.current_challenge_id (V3), under the user's
-- row lock, so no query looks challenges up by user any more. The index cost every generate and every
-- verify an extra page write (a random one: user keys are hashes) and H2 a live page in every chunk.
drop index challenge_user_idx;
