package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import org.secure2fa.account.entity.Account;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.platform.boundary.InvalidInputException;

/** Finding console accounts by the address they sign in with. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    /** The account of a {@link #normalizeEmail normalized} address, or empty. */
    public Optional<Account> byEmail(String email) {
        return em.createNamedQuery("Account.byEmail", Account.class).setParameter("email", email).getResultList()
                .stream().findFirst();
    }

    /** An address as typed, as it is stored: trimmed, lower case; an {@link InvalidInputException} on {@code email} if it is none. */
    public static String normalizeEmail(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !Recipients.isEmail(email)) {
            throw new InvalidInputException("email", "Enter a valid email address.");
        }
        return email;
    }
}
