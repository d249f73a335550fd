package org.secure2fa.console.faces;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

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
    private String requestedPage;

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

    /** The address changed (through the emailed link): shown from now on. */
    public void emailChanged(long id, String email) {
        if (accountId != null && accountId == id) {
            this.email = email;
        }
    }

    /**
     * Remembers the console page asked for before signing in, to land there afterwards: only a path
     * under {@code /app/} of this console (with its query), never another site.
     */
    public void requestedPage(String pathAndQuery) {
        requestedPage = isConsolePage(pathAndQuery) ? pathAndQuery : null;
    }

    /** The page asked for before signing in, once. */
    public Optional<String> takeRequestedPage() {
        String page = requestedPage;
        requestedPage = null;
        return Optional.ofNullable(page).filter(ConsoleSession::isConsolePage);
    }

    /**
     * A same-site relative path under {@code /app/}: no scheme or host, no "//", backslash, dot segment
     * or control character that a browser could read as another place, and not too long.
     */
    public static boolean isConsolePage(String pathAndQuery) {
        if (pathAndQuery == null || pathAndQuery.length() > 500 || !pathAndQuery.startsWith("/app/")) {
            return false;
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        return path.matches("/app/[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.xhtml")
                && pathAndQuery.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')
                && !pathAndQuery.contains("//");
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
