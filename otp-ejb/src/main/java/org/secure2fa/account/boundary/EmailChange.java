package org.secure2fa.account.boundary;

/** A signed-in account's request to sign in with another address, with its current password. */
public record EmailChange(String currentPassword, String newEmail) {

    @Override
    public String toString() {
        return "EmailChange[password hidden]";
    }
}
