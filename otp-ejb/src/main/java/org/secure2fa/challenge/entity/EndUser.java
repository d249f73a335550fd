package org.secure2fa.challenge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.FieldResult;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;

/**
 * The counters of one integrator's user within one project, keyed by a keyed hash of (project, uuid).
 * Every generate and verify for that user locks this row first, which makes the send limit, the
 * attempt counters and single use atomic across threads and server instances.
 */
@Entity
@Table(name = "end_user")
@NamedNativeQuery(name = EndUser.COUNT_SEND_POSTGRESQL, query = GenerateStatements.COUNT_SEND_POSTGRESQL)
@NamedNativeQuery(name = EndUser.INSERT_FIRST_SEND_H2, query = "insert into end_user (user_key, project_id, "
        + "window_started_at, sends_in_window, consecutive_failures, current_challenge_id) "
        + "values (?, ?, ?, 1, 0, ?) on conflict do nothing")
@NamedNativeQuery(name = EndUser.COUNT_SEND_H2, query = "select previous_challenge_id from final table (update end_user set "
        + "sends_in_window = case when window_started_at <= ? then 1 else sends_in_window + 1 end, "
        + "window_started_at = case when window_started_at <= ? then ? else window_started_at end, "
        + "previous_challenge_id = current_challenge_id, current_challenge_id = ? "
        + "where user_key = ? and (window_started_at <= ? or sends_in_window < ?) "
        + "and not (consecutive_failures >= ? and coalesce(last_failure_at, 0) > ?))")
@NamedNativeQuery(name = EndUser.LOCK_WITH_CURRENT, resultSetMapping = EndUser.WITH_CURRENT_CHALLENGE,
        query = "select u.user_key as u_user_key, u.project_id as u_project_id, "
        + "u.window_started_at as u_window_started_at, u.sends_in_window as u_sends_in_window, "
        + "u.consecutive_failures as u_consecutive_failures, u.last_failure_at as u_last_failure_at, "
        + "u.current_challenge_id as u_current_challenge_id, c.* "
        + "from end_user u join challenge c on c.id = u.current_challenge_id where u.user_key = ? for update")
@SqlResultSetMapping(name = EndUser.WITH_CURRENT_CHALLENGE, entities = {
        @EntityResult(entityClass = EndUser.class, fields = {
                @FieldResult(name = "userKey", column = "u_user_key"),
                @FieldResult(name = "projectId", column = "u_project_id"),
                @FieldResult(name = "windowStartedAt", column = "u_window_started_at"),
                @FieldResult(name = "sendsInWindow", column = "u_sends_in_window"),
                @FieldResult(name = "consecutiveFailures", column = "u_consecutive_failures"),
                @FieldResult(name = "lastFailureAt", column = "u_last_failure_at"),
                @FieldResult(name = "currentChallengeId", column = "u_current_challenge_id")}),
        @EntityResult(entityClass = Challenge.class)})
public class EndUser {

    /**
     * PostgreSQL: creates the row of a user seen for the first time, or counts a send of a known user
     * if the window's quota allows it and the user is not locked out, and points the user at the new
     * challenge, in one statement that also locks the row until commit. Returns one row, the challenge
     * the new one replaces (null for a first send), or none when the send was refused. Parameters: user
     * key, project id, now, the new challenge's id, window start, window start, window start, max sends,
     * lockout failures, lockout start.
     */
    public static final String COUNT_SEND_POSTGRESQL = "EndUser.countSendPostgreSQL";

    /**
     * H2: the row of a user seen for the first time, counting its first send; 1 row inserted means it
     * was. H2 has no {@code ON CONFLICT DO UPDATE}, and its {@code MERGE} fails when two first sends for
     * one user meet. Parameters: user key, project id, now, the new challenge's id.
     */
    public static final String INSERT_FIRST_SEND_H2 = "EndUser.insertFirstSendH2";

    /**
     * H2: what {@link #COUNT_SEND_POSTGRESQL} does for a known user, returning the same. Parameters:
     * window start, window start, now, the new challenge's id, user key, window start, max sends, lockout
     * failures, lockout start.
     */
    public static final String COUNT_SEND_H2 = "EndUser.countSendH2";

    /**
     * A user's row and its current challenge, both locked, as managed entities, in one statement. No
     * row when the user is unknown or has no current challenge, and also when a generate replaced the
     * current challenge while this statement waited for the lock: the join is checked again against
     * the locked rows' newest versions. The caller then reads the two rows one by one. Both rows are
     * locked because only a locked row is read again at its newest version after the wait: locking the
     * user's alone would hand back the challenge as it was when the statement began, before a wrong
     * guess queued ahead burned it (LockQueueIT). Parameter: user key.
     */
    public static final String LOCK_WITH_CURRENT = "EndUser.lockWithCurrent";

    static final String WITH_CURRENT_CHALLENGE = "EndUser.withCurrentChallenge";

    @Id
    @Column(name = "user_key", length = 64)
    private String userKey;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "window_started_at", nullable = false)
    private long windowStartedAt;

    @Column(name = "sends_in_window", nullable = false)
    private int sendsInWindow;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_failure_at")
    private Long lastFailureAt;

    /** The newest challenge; set by the generate that created it, under this row's lock. */
    @Column(name = "current_challenge_id")
    private Long currentChallengeId;

    protected EndUser() {
    }

    /** A user seen for the first time at {@code now} (the service inserts the same row natively). */
    public EndUser(String userKey, long projectId, long now) {
        this.userKey = userKey;
        this.projectId = projectId;
        this.windowStartedAt = now;
    }

    /** True while the user is locked out after too many consecutive failures. */
    public boolean isLockedOut(int lockoutFailures, long lockoutMillis, long now) {
        return consecutiveFailures >= lockoutFailures && lastFailureAt != null && now - lastFailureAt < lockoutMillis;
    }

    public void failed(int lockoutFailures, long lockoutMillis, long now) {
        if (consecutiveFailures >= lockoutFailures && lastFailureAt != null && now - lastFailureAt >= lockoutMillis) {
            consecutiveFailures = 0;
        }
        consecutiveFailures++;
        lastFailureAt = now;
    }

    public void succeeded() {
        consecutiveFailures = 0;
    }

    public String getUserKey() { return userKey; }
    public long getProjectId() { return projectId; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
    public Long getCurrentChallengeId() { return currentChallengeId; }
}
