package org.secure2fa.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secure2fa.account.entity.BackupCode;
import org.secure2fa.crypto.Keyring;

/**
 * One-time backup codes, shown once at enrolment: ten codes of ten characters from an alphabet
 * without look-alikes (about 50 bits each), written {@code ABCDE-FGHJK}. Stored only as keyed
 * hashes of their {@link #normalize normalized} form ({@link BackupCode}); each works once.
 */
@ApplicationScoped
public class BackupCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    /** Ten new codes for the account in place of any it had; answers them, to be shown once. */
    public List<String> replace(long accountId) {
        em.createNamedQuery("BackupCode.deleteByAccount").setParameter("account", accountId).executeUpdate();
        List<String> codes = generate();
        for (String code : codes) {
            em.persist(new BackupCode(accountId, hash(accountId, code)));
        }
        return codes;
    }

    /** Uses up one of the account's codes: true when it was one (its row is gone now, so it works once). */
    public boolean use(long accountId, String typed) {
        return em.createNamedQuery("BackupCode.deleteByAccountAndHash").setParameter("account", accountId)
                .setParameter("codeHash", hash(accountId, typed)).executeUpdate() == 1;
    }

    /** How many of the account's codes are unused. */
    public long left(long accountId) {
        return em.createNamedQuery("BackupCode.countByAccount", Long.class).setParameter("account", accountId)
                .getSingleResult();
    }

    private String hash(long accountId, String code) {
        return keyring.fingerprint("backup\u0000" + accountId + "\u0000" + normalize(code));
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** What a person typed, reduced to the form that is hashed: upper case, no spaces or dashes. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
