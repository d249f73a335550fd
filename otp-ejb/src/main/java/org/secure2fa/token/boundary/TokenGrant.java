package org.secure2fa.token.boundary;

import java.util.Set;

/**
 * What a checked token lets its caller do: act for {@code accountId}, change things when {@code writes},
 * on {@code projects} (empty: all of the account's).
 */
public record TokenGrant(long accountId, long tokenId, boolean writes, Set<Long> projects) {

    /** Whether the token reaches this project. */
    public boolean reaches(long projectId) {
        return projects.isEmpty() || projects.contains(projectId);
    }
}
