package org.secure2fa.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * The management-API token of the request being served, set by the API once it has checked the token,
 * so that every change the boundaries log names the token that made it. Unset for the console and the
 * public API.
 */
@RequestScoped
public class ApiCaller {

    private Long tokenId;

    public void tokenId(long tokenId) {
        this.tokenId = tokenId;
    }

    public Long tokenId() {
        return tokenId;
    }
}
