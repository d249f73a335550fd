package org.secure2fa.account.boundary;

/** A signed-in account's new password, with its current one. */
public record PasswordChange(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[passwords hidden]";
    }
}
