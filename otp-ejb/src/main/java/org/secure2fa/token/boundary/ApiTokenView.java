package org.secure2fa.token.boundary;

import java.util.Set;
import org.secure2fa.token.entity.ApiToken;

/** A token as its owner sees it: never the token itself. {@code projects} empty: all of the account's. */
public record ApiTokenView(long id, String name, boolean writes, Set<Long> projects, long createdAt, long expiresAt,
                           Long revokedAt, Long lastUsedAt) {

    static ApiTokenView of(ApiToken token) {
        return new ApiTokenView(token.getId(), token.getName(), token.isWrites(), token.getProjects(),
                token.getCreatedAt(), token.getExpiresAt(), token.getRevokedAt(), token.getLastUsedAt());
    }
}
