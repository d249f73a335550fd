package org.secure2fa.challenge.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One generated code: only its keyed hash is kept, with its expiry, attempts and device facts. */
@Entity
@Table(name = "challenge")
public class Challenge {

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

    public Challenge(long projectId, String userKey, String codeHash, int attempts, int maxAttempts, long createdAt,
                     long expiresAt, String recipientMasked, String channelType, String lang, String ipAddress,
                     String userAgentHash, boolean templateRequest) {
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

    /** Attempts carried over from the code this one supersedes (a resend never resets them). */
    public void carryAttempts(int attempts) {
        this.attempts = attempts;
    }

    public void supersede() {
        status = ChallengeStatus.SUPERSEDED;
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
