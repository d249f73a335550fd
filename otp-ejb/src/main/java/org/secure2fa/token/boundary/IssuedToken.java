package org.secure2fa.token.boundary;

/** A new token: its record, and the token itself, shown this once. */
public record IssuedToken(ApiTokenView view, String token) {

    @Override
    public String toString() {
        return "IssuedToken[" + view + ", token hidden]";
    }
}
