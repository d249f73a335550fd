package org.secure2fa.challenge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;

/**
 * The counters of one integrator's user within one project, keyed by a keyed hash of (project, uuid).
 * Every generate and verify for that user locks this row first, which makes the send limit, the
 * attempt counters and single use atomic across threads and server instances.
 */
@Entity
@Table(name = "end_user")
@NamedNativeQuery(name = EndUser.INSERT_FIRST_SEND, query = "insert into end_user (user_key, project_id, "
        + "window_started_at, sends_in_window, consecutive_failures, current_challenge_id) "
        + "values (?, ?, ?, 1, 0, ?) on conflict do nothing")
@NamedNativeQuery(name = EndUser.COUNT_SEND, query = "update end_user set "
        + "sends_in_window = case when window_started_at <= ? then 1 else sends_in_window + 1 end, "
        + "window_started_at = case when window_started_at <= ? then ? else window_started_at end "
        + "where user_key = ? and (window_started_at <= ? or sends_in_window < ?) "
        + "and not (consecutive_failures >= ? and coalesce(last_failure_at, 0) > ?)")
public class EndUser {

    /**
     * Creates the row of a user seen for the first time, counting its first send: one statement, and
     * the new row stays locked until commit. Parameters: user key, project id, now, the new challenge's id.
     */
    public static final String INSERT_FIRST_SEND = "EndUser.insertFirstSend";

    /**
     * Counts a send of a known user if the window's quota allows it and the user is not locked out, in
     * one conditional update, which also locks the row: 1 row updated means counted. Parameters: window
     * start, window start, now, user key, window start, max sends, lockout failures, lockout start.
     */
    public static final String COUNT_SEND = "EndUser.countSend";

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

    /** Makes {@code challengeId} the user's current code; the caller holds the row's lock. */
    public void pointAt(long challengeId) {
        currentChallengeId = challengeId;
    }

    public void succeeded() {
        consecutiveFailures = 0;
    }

    public String getUserKey() { return userKey; }
    public long getProjectId() { return projectId; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
    public Long getCurrentChallengeId() { return currentChallengeId; }
}
