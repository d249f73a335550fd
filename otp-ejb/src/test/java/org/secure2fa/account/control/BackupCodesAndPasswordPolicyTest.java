package org.secure2fa.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupCodesAndPasswordPolicyTest {

    @Test
    void tenDistinctCodesWithoutLookAlikes() {
        List<String> codes = BackupCodes.generate();
        assertEquals(BackupCodes.COUNT, codes.size());
        assertEquals(BackupCodes.COUNT, new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(code.matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}"), code);
        }
        assertEquals("ABCDEFGHJK", BackupCodes.normalize(" abcde-fghjk "));
    }

    @Test
    void passwordsNeedLengthAndMustNotBeGuessable() {
        assertTrue(PasswordPolicy.problem("Sh0rt!pw", "alice@example.com").orElseThrow().contains("12"));
        assertTrue(PasswordPolicy.problem("password1234", "alice@example.com").isPresent(), "a common password");
        assertTrue(PasswordPolicy.problem("qwertyuiop12", "alice@example.com").isPresent(), "a keyboard pattern");
        assertTrue(PasswordPolicy.problem("aliceexample2024", "alice@example.com").isPresent(), "the account's own email");
        assertTrue(PasswordPolicy.problem("x".repeat(300), "alice@example.com").isPresent());
        assertTrue(PasswordPolicy.problem("Vq7#pLz2!mWr9tXe", "alice@example.com").isEmpty(), "a random password");
        assertTrue(PasswordPolicy.problem("ochre lantern velvet harbour", "alice@example.com").isEmpty(),
                "a passphrase");
    }
}
