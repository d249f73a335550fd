package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.LinkPurpose;
import org.secure2fa.crypto.Keyring;

/**
 * The tokens of emailed links: 256 random bits, kept only as a keyed hash on the account, valid 24
 * hours for a confirmation and one hour for a reset or an address change; at most one link per account
 * every two minutes. A token may be bound to a value the link carries next to it (the new address of
 * an address change): the hash covers both, so the link works only with the value it was issued for.
 */
@ApplicationScoped
public class LinkTokens {

    private static final long CONFIRM_TTL_MS = 24 * 3_600_000L;
    private static final long RESET_TTL_MS = 3_600_000L;
    /** At most one mail per address in this time, whatever the form. */
    public static final long THROTTLE_MS = 120_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    /** A new token for the account (replacing any earlier one); answers the token for the link. */
    public String issue(Account account, LinkPurpose purpose) {
        return issue(account, purpose, null);
    }

    /** A new token bound to {@code boundTo} (null: to nothing), replacing any earlier one; answers the token. */
    public String issue(Account account, LinkPurpose purpose, String boundTo) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        account.issueToken(hash(token, boundTo), purpose.name(), now() + ttl(purpose.name()));
        return token;
    }

    /** The account whose link this is, while the link is valid; {@code lock} locks its row. */
    public Optional<Account> find(String token, boolean lock) {
        return find(token, null, lock);
    }

    /** The account whose link, bound to {@code boundTo}, this is, while the link is valid; {@code lock} locks its row. */
    public Optional<Account> find(String token, String boundTo, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Account> found = em.createNamedQuery("Account.byToken", Account.class)
                .setParameter("tokenHash", hash(token, boundTo))
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
        return found.stream().filter(a -> a.getTokenExpiresAt() != null && now() < a.getTokenExpiresAt()).findFirst();
    }

    /** Whether a link went to this account in the last two minutes. */
    public boolean issuedRecently(Account account) {
        if (account.getTokenExpiresAt() == null) {
            return false;
        }
        return account.getTokenExpiresAt() - ttl(account.getTokenPurpose()) > now() - THROTTLE_MS;
    }

    private String hash(String token, String boundTo) {
        return keyring.fingerprint("link\u0000" + token + (boundTo == null ? "" : "\u0000" + boundTo));
    }

    private static long ttl(String purpose) {
        return LinkPurpose.CONFIRM.name().equals(purpose) ? CONFIRM_TTL_MS : RESET_TTL_MS;
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
