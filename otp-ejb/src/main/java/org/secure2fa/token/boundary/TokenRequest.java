package org.secure2fa.token.boundary;

import java.util.Set;

/**
 * A token an account owner asks for.
 *
 * @param name     what it is for, as the owner names it (1–100 characters)
 * @param writes   true: read and write; false: read only
 * @param projects the projects it reaches; empty: all of the account's, including later ones
 * @param days     its life in days (1 up to {@code otp.manage.token-max-days})
 */
public record TokenRequest(String name, boolean writes, Set<Long> projects, int days) {
}
