package org.secure2fa.manage.platform;

import jakarta.enterprise.context.RequestScoped;
import org.secure2fa.platform.boundary.NotFoundException;
import org.secure2fa.platform.boundary.NotPermittedException;
import org.secure2fa.token.boundary.TokenGrant;

/** Who is calling: the account and reach of the checked token ({@link TokenFilter} sets it). */
@RequestScoped
public class Caller {

    private TokenGrant grant;

    void grant(TokenGrant grant) {
        this.grant = grant;
    }

    public long accountId() {
        return grant().accountId();
    }

    /** Whether the token reaches every project of the account (not a chosen set). */
    public boolean reachesAllProjects() {
        return grant().projects().isEmpty();
    }

    /** Creating a project, or changing what all projects share (channels, templates), needs such a token. */
    public void requireAllProjects() {
        if (!reachesAllProjects()) {
            throw new NotPermittedException("This token reaches only chosen projects; this needs a token for all projects.");
        }
    }

    public boolean reaches(long projectId) {
        return grant().reaches(projectId);
    }

    /** A project outside the token's reach is "not found", as another account's is. */
    public long project(long projectId) {
        if (!reaches(projectId)) {
            throw new NotFoundException("Project");
        }
        return projectId;
    }

    private TokenGrant grant() {
        if (grant == null) {
            throw new IllegalStateException("No checked token for this request");
        }
        return grant;
    }
}
