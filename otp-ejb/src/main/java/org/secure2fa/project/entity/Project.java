package org.secure2fa.project.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.policy.DeviceCheck;
import org.secure2fa.template.entity.Template;

/** A part of an integrator's site that uses OTP: its keys, its channel and template, its policy. */
@Entity
@Table(name = "project")
@NamedQuery(name = "Project.findByPublicKey", query = "select p from Project p where p.publicKey = :publicKey")
@NamedQuery(name = "Project.count", query = "select count(p) from Project p")
@NamedQuery(name = "Project.findUnownedByName",
        query = "select p from Project p where p.accountId is null and p.name = :name")
public class Project {

    @Id
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_seq")
    private Long id;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "public_key", nullable = false, unique = true, length = 32)
    private String publicKey;

    /** The secret key, sealed by the keyring. */
    @Column(name = "secret_sealed", nullable = false)
    private String secretSealed;

    @Column(name = "previous_secret_sealed")
    private String previousSecretSealed;

    @Column(name = "previous_secret_until")
    private Long previousSecretUntil;

    @ManyToOne
    @JoinColumn(name = "channel_id")
    private Channel channel;

    @ManyToOne
    @JoinColumn(name = "template_id")
    private Template template;

    @Column(name = "code_digits")
    private Integer codeDigits;

    @Column(name = "code_lifetime_seconds")
    private Integer codeLifetimeSeconds;

    @Column(name = "max_attempts")
    private Integer maxAttempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_check")
    private DeviceCheck deviceCheck;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** Whether generate may answer with the rendered message ({@code template_request=true}). */
    @Column(name = "template_requests", nullable = false)
    private boolean templateRequests = true;

    protected Project() {
    }

    public Project(String name, String publicKey, String secretSealed, long createdAt) {
        this.name = name;
        this.publicKey = publicKey;
        this.secretSealed = secretSealed;
        this.createdAt = createdAt;
    }

    public boolean isLinked() {
        return channel != null && template != null;
    }

    public void link(Channel channel, Template template) {
        this.channel = channel;
        this.template = template;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPublicKey() { return publicKey; }
    public String getSecretSealed() { return secretSealed; }
    public String getPreviousSecretSealed() { return previousSecretSealed; }
    public Long getPreviousSecretUntil() { return previousSecretUntil; }
    public Channel getChannel() { return channel; }
    public Template getTemplate() { return template; }
    public Integer getCodeDigits() { return codeDigits; }
    public void setCodeDigits(Integer codeDigits) { this.codeDigits = codeDigits; }
    public Integer getCodeLifetimeSeconds() { return codeLifetimeSeconds; }
    public void setCodeLifetimeSeconds(Integer codeLifetimeSeconds) { this.codeLifetimeSeconds = codeLifetimeSeconds; }
    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
    public DeviceCheck getDeviceCheck() { return deviceCheck; }
    public void setDeviceCheck(DeviceCheck deviceCheck) { this.deviceCheck = deviceCheck; }
    public long getCreatedAt() { return createdAt; }
    public boolean isTemplateRequests() { return templateRequests; }
    public void setTemplateRequests(boolean templateRequests) { this.templateRequests = templateRequests; }

    /** Replaces the secret; the old one stays valid until {@code graceUntil} (epoch millis). */
    public void rotateSecret(String newSecretSealed, long graceUntil) {
        this.previousSecretSealed = this.secretSealed;
        this.previousSecretUntil = graceUntil;
        this.secretSealed = newSecretSealed;
    }
}
