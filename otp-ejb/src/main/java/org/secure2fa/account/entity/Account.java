package org.secure2fa.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A console user. The password is stored as a PBKDF2 hash, the TOTP key sealed by the keyring, and the
 * emailed link (confirmation or password reset) only as a hash.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byEmail", query = "select a from Account a where a.email = :email")
@NamedQuery(name = "Account.byToken", query = "select a from Account a where a.tokenHash = :tokenHash")
@NamedQuery(name = "Account.count", query = "select count(a) from Account a")
@NamedQuery(name = "Account.all", query = "select a from Account a order by a.createdAt")
public class Account {

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false, length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(nullable = false)
    private boolean admin;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "totp_sealed")
    private String totpSealed;

    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep = -1;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "token_purpose", length = 10)
    private String tokenPurpose;

    @Column(name = "token_expires_at")
    private Long tokenExpiresAt;

    @Column(name = "failed_signins", nullable = false)
    private int failedSignins;

    @Column(name = "locked_until")
    private Long lockedUntil;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "last_signin_at")
    private Long lastSigninAt;

    @Column(name = "credentials_changed_at")
    private Long credentialsChangedAt;

    @Column(name = "notice_sent_at")
    private Long noticeSentAt;

    protected Account() {
    }

    public Account(String email, boolean admin, long createdAt) {
        this.email = email;
        this.admin = admin;
        this.createdAt = createdAt;
        this.status = AccountStatus.PENDING;
    }

    public void issueToken(String tokenHash, String purpose, long expiresAt) {
        this.tokenHash = tokenHash;
        this.tokenPurpose = purpose;
        this.tokenExpiresAt = expiresAt;
    }

    public void clearToken() {
        this.tokenHash = null;
        this.tokenPurpose = null;
        this.tokenExpiresAt = null;
    }

    public boolean isLocked(long now) {
        return lockedUntil != null && now < lockedUntil;
    }

    /** Counts a failed sign-in step, locking the account until {@code lockUntil} when that is set. */
    public void countFailure(long lockUntil) {
        failedSignins++;
        if (lockUntil > 0) {
            lockedUntil = lockUntil;
        }
    }

    public void signedIn(long now) {
        failedSignins = 0;
        lockedUntil = null;
        lastSigninAt = now;
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public AccountStatus getStatus() { return status; }
    public void setStatus(AccountStatus status) { this.status = status; }
    public boolean isAdmin() { return admin; }
    public boolean isDisabled() { return disabled; }
    public void setDisabled(boolean disabled) { this.disabled = disabled; }
    public String getPasswordHash() { return passwordHash; }
    public String getTotpSealed() { return totpSealed; }
    public void setTotpSealed(String totpSealed) { this.totpSealed = totpSealed; }
    public long getTotpLastStep() { return totpLastStep; }
    public void setTotpLastStep(long totpLastStep) { this.totpLastStep = totpLastStep; }
    public String getTokenPurpose() { return tokenPurpose; }
    public Long getTokenExpiresAt() { return tokenExpiresAt; }
    public int getFailedSignins() { return failedSignins; }
    public Long getLockedUntil() { return lockedUntil; }
    public long getCreatedAt() { return createdAt; }
    public Long getLastSigninAt() { return lastSigninAt; }
    public Long getCredentialsChangedAt() { return credentialsChangedAt; }
    public Long getNoticeSentAt() { return noticeSentAt; }
    public void setNoticeSentAt(Long noticeSentAt) { this.noticeSentAt = noticeSentAt; }

    /** The account signs in with a new (normalized) address from now on. */
    public void changeEmail(String email) {
        this.email = email;
    }

    /** Sets a new password hash; sessions signed in before now are no longer accepted. */
    public void changePassword(String passwordHash, long now) {
        this.passwordHash = passwordHash;
        this.credentialsChangedAt = now;
    }
}
