package org.secure2fa.challenge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One generated code: only its keyed hash is kept, with its expiry, attempts and device facts. */
@Entity
@Table(name = "challenge")
@NamedNativeQuery(name = Challenge.SUPERSEDE_AND_INSERT_POSTGRESQL,
        query = GenerateStatements.SUPERSEDE_AND_INSERT_POSTGRESQL)
@NamedNativeQuery(name = Challenge.SUPERSEDE_H2, query = "select attempts, expires_at from old table (update challenge "
        + "set status = 'SUPERSEDED' where id = ? and status = 'ACTIVE')")
@NamedNativeQuery(name = Challenge.INSERT_H2, query = "insert into challenge (" + Challenge.COLUMNS + ") "
        + "values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
public class Challenge {

    /**
     * PostgreSQL: retires the challenge a generate replaces, if it is still active, and inserts the new
     * one with the replaced code's wrong attempts if it had not expired (a resend never resets them), in
     * one statement. Run under the user's row lock, after the statement that took it, so that it sees
     * the replaced challenge however recently that was committed. Parameters: the replaced challenge's
     * id (-1 for none), then the new challenge's columns as in {@link #INSERT_H2} with now in place of
     * the attempts.
     */
    public static final String SUPERSEDE_AND_INSERT_POSTGRESQL = "Challenge.supersedeAndInsertPostgreSQL";

    /** H2: retires a challenge that is still active, returning its attempts and expiry. Parameter: its id. */
    public static final String SUPERSEDE_H2 = "Challenge.supersedeH2";

    /**
     * H2: inserts a new active challenge. Parameters: id, project id, user key, code hash, attempts,
     * max attempts, created at, expires at, masked recipient, channel type, language, IP address,
     * user-agent hash, template request.
     */
    public static final String INSERT_H2 = "Challenge.insertH2";

    static final String COLUMNS = "id, project_id, user_key, code_hash, status, attempts, max_attempts, created_at, "
            + "expires_at, recipient_masked, channel_type, lang, ip_address, user_agent_hash, template_request";

    @Id
    @SequenceGenerator(name = "challenge_seq", sequenceName = "challenge_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "challenge_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "user_key", nullable = false, length = 64)
    private String userKey;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChallengeStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "verified_at")
    private Long verifiedAt;

    @Column(name = "recipient_masked", length = 320)
    private String recipientMasked;

    @Column(name = "channel_type", length = 10)
    private String channelType;

    @Column(length = 2)
    private String lang;

    @Column(name = "ip_address", length = 64)
    private String ipAddress;

    @Column(name = "user_agent_hash", length = 64)
    private String userAgentHash;

    @Column(name = "template_request", nullable = false)
    private boolean templateRequest;

    protected Challenge() {
    }

    /** A new active challenge; {@code id} from {@code challenge_seq}, as the id generator above would give it. */
    public Challenge(long id, long projectId, String userKey, String codeHash, int attempts, int maxAttempts, long createdAt,
                     long expiresAt, String recipientMasked, String channelType, String lang, String ipAddress,
                     String userAgentHash, boolean templateRequest) {
        this.id = id;
        this.projectId = projectId;
        this.userKey = userKey;
        this.codeHash = codeHash;
        this.status = ChallengeStatus.ACTIVE;
        this.attempts = attempts;
        this.maxAttempts = maxAttempts;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.recipientMasked = recipientMasked;
        this.channelType = channelType;
        this.lang = lang;
        this.ipAddress = ipAddress;
        this.userAgentHash = userAgentHash;
        this.templateRequest = templateRequest;
    }

    public boolean isExpired(long now) {
        return now >= expiresAt;
    }

    /** Counts a wrong attempt; burns the code when it was the last one allowed. */
    public void wrongAttempt() {
        attempts++;
        if (attempts >= maxAttempts) {
            status = ChallengeStatus.BURNED;
        }
    }

    public void verified(long now) {
        status = ChallengeStatus.VERIFIED;
        verifiedAt = now;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public String getUserKey() { return userKey; }
    public String getCodeHash() { return codeHash; }
    public ChallengeStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public int getMaxAttempts() { return maxAttempts; }
    public long getCreatedAt() { return createdAt; }
    public long getExpiresAt() { return expiresAt; }
    public Long getVerifiedAt() { return verifiedAt; }
    public String getRecipientMasked() { return recipientMasked; }
    public String getChannelType() { return channelType; }
    public String getLang() { return lang; }
    public String getIpAddress() { return ipAddress; }
    public String getUserAgentHash() { return userAgentHash; }
    public boolean isTemplateRequest() { return templateRequest; }
}
