package org.secure2fa.challenge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The counters of one integrator's user within one project, keyed by a keyed hash of (project, uuid).
 * Every generate and verify for that user locks this row first, which makes the send limit, the
 * attempt counters and single use atomic across threads and server instances.
 */
@Entity
@Table(name = "end_user")
public class EndUser {

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

    /** Counts one send; false when the window's quota is spent (nothing is counted then). */
    public boolean tryCountSend(int maxSends, long windowMillis, long now) {
        if (now - windowStartedAt >= windowMillis) {
            windowStartedAt = now;
            sendsInWindow = 0;
        }
        if (sendsInWindow >= maxSends) {
            return false;
        }
        sendsInWindow++;
        return true;
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
    public int getSendsInWindow() { return sendsInWindow; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
}
