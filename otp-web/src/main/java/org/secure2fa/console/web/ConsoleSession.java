package org.secure2fa.console.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Who is using this browser session, and how far they got: password checked (waiting for the second
 * factor), enrolling an authenticator app, or signed in. Holds ids only, never secrets; the one
 * exception is the backup codes, kept until the page that shows them once has rendered.
 */
@Named("consoleSession")
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long accountId;
    private long signedInAt;
    private String email;
    private boolean admin;
    private Long pendingAccountId;
    private long passwordCheckedAt;
    private Long enrollingAccountId;
    private transient List<String> backupCodes;

    public void passwordChecked(long id) {
        pendingAccountId = id;
        passwordCheckedAt = System.currentTimeMillis();
        enrollingAccountId = null;
    }

    public void enrolling(long id) {
        enrollingAccountId = id;
        pendingAccountId = null;
    }

    public void signedIn(long id, String email, boolean admin) {
        this.accountId = id;
        this.signedInAt = System.currentTimeMillis();
        this.email = email;
        this.admin = admin;
        this.pendingAccountId = null;
        this.enrollingAccountId = null;
    }

    public boolean isSignedIn() {
        return accountId != null;
    }

    /** The backup codes to show once; taking them clears them. */
    public List<String> takeBackupCodes() {
        List<String> codes = backupCodes;
        backupCodes = null;
        return codes;
    }

    public void setBackupCodes(List<String> backupCodes) {
        this.backupCodes = backupCodes;
    }

    public Long getAccountId() { return accountId; }
    public long getSignedInAt() { return signedInAt; }
    public String getEmail() { return email; }
    public boolean isAdmin() { return admin; }
    public Long getPendingAccountId() { return pendingAccountId; }
    public long getPasswordCheckedAt() { return passwordCheckedAt; }
    public Long getEnrollingAccountId() { return enrollingAccountId; }
}
