package org.secure2fa.account.boundary;

import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;

/** What the console shows of an account. */
public record AccountView(long id, String email, AccountStatus status, boolean admin, boolean disabled,
                          long createdAt, Long lastSigninAt) {

    static AccountView of(Account a) {
        return new AccountView(a.getId(), a.getEmail(), a.getStatus(), a.isAdmin(), a.isDisabled(), a.getCreatedAt(),
                a.getLastSigninAt());
    }
}
