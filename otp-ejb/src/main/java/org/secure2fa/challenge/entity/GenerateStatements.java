package org.secure2fa.challenge.entity;

/**
 * A generate's two statements on PostgreSQL, declared as {@link EndUser#COUNT_SEND_POSTGRESQL} and
 * {@link Challenge#SUPERSEDE_AND_INSERT_POSTGRESQL} (their documentation gives the parameters). Kept
 * here, apart from the entities' annotations, so that the benchmark can run the very same statements
 * through pgbench: what the database alone commits of a generate, without the server.
 */
public final class GenerateStatements {

    public static final String COUNT_SEND_POSTGRESQL = "insert into end_user as u (user_key, project_id, "
            + "window_started_at, sends_in_window, consecutive_failures, current_challenge_id) values (?, ?, ?, 1, 0, ?) "
            + "on conflict (user_key) do update set "
            + "sends_in_window = case when u.window_started_at <= ? then 1 else u.sends_in_window + 1 end, "
            + "window_started_at = case when u.window_started_at <= ? then excluded.window_started_at "
            + "else u.window_started_at end, "
            + "previous_challenge_id = u.current_challenge_id, current_challenge_id = excluded.current_challenge_id "
            + "where (u.window_started_at <= ? or u.sends_in_window < ?) "
            + "and not (u.consecutive_failures >= ? and coalesce(u.last_failure_at, 0) > ?) "
            + "returning previous_challenge_id";

    public static final String SUPERSEDE_AND_INSERT_POSTGRESQL = "with previous as (update challenge "
            + "set status = 'SUPERSEDED' where id = ? and status = 'ACTIVE' returning attempts, expires_at) "
            + "insert into challenge (" + Challenge.COLUMNS + ") values (?, ?, ?, ?, 'ACTIVE', "
            + "coalesce((select attempts from previous where expires_at > ?), 0), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private GenerateStatements() {
    }
}
