package org.secure2fa.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Who or what did what, when: API outcomes (with masked recipients) and console actions. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private long at;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(nullable = false, length = 40)
    private String outcome;

    @Column(length = 500)
    private String detail;

    @Column(name = "ip_address", length = 64)
    private String ipAddress;

    /** The management-API token that made the change; null for the console and the public API. */
    @Column(name = "api_token_id")
    private Long apiTokenId;

    protected AuditEvent() {
    }

    public AuditEvent(Long projectId, Long accountId, long at, String action, String outcome, String detail,
                      String ipAddress) {
        this.projectId = projectId;
        this.accountId = accountId;
        this.at = at;
        this.action = action;
        this.outcome = outcome;
        this.detail = detail;
        this.ipAddress = ipAddress;
    }

    public AuditEvent byToken(Long tokenId) {
        this.apiTokenId = tokenId;
        return this;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public Long getAccountId() { return accountId; }
    public long getAt() { return at; }
    public String getAction() { return action; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
    public String getIpAddress() { return ipAddress; }
    public Long getApiTokenId() { return apiTokenId; }
}
