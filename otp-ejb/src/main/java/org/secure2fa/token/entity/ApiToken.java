package org.secure2fa.token.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A management-API token of a console account: its name, whether it may change things, the projects it
 * reaches (all of the account's when none are named) and its life. The token itself (a signed JWT naming
 * this row) is shown once and never stored.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.byAccount", query = "select t from ApiToken t where t.accountId = :account order by t.id")
public class ApiToken {

    @Id
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private boolean writes;

    /** Comma-separated project ids; null for all the account's projects. */
    @Column(name = "project_ids", length = 2000)
    private String projectIds;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "revoked_at")
    private Long revokedAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    protected ApiToken() {
    }

    public ApiToken(long accountId, String name, boolean writes, Set<Long> projects, long createdAt, long expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.writes = writes;
        this.projectIds = projects == null ? null : projects.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The projects it reaches; empty for all of the account's. */
    public Set<Long> getProjects() {
        if (projectIds == null || projectIds.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(projectIds.split(",")).map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean isUsable(long now) {
        return revokedAt == null && expiresAt > now;
    }

    public void revoke(long now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void used(long now) {
        lastUsedAt = now;
    }

    public Long getId() { return id; }
    public long getAccountId() { return accountId; }
    public String getName() { return name; }
    public boolean isWrites() { return writes; }
    public boolean isAllProjects() { return projectIds == null; }
    public long getCreatedAt() { return createdAt; }
    public long getExpiresAt() { return expiresAt; }
    public Long getRevokedAt() { return revokedAt; }
    public Long getLastUsedAt() { return lastUsedAt; }
}
