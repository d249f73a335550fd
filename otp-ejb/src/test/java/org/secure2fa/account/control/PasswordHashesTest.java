package org.secure2fa.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String stored = PasswordHashes.hash("violet tractor humming", 1_000);
        assertTrue(PasswordHashes.matches("violet tractor humming", stored));
        assertFalse(PasswordHashes.matches("violet tractor hummin", stored));
        assertFalse(PasswordHashes.matches("Violet tractor humming", stored));
        assertFalse(PasswordHashes.matches("", stored));
    }

    @Test
    void eachHashHasItsOwnSaltAndCarriesItsIterationCount() {
        String a = PasswordHashes.hash("same password here", 1_000);
        String b = PasswordHashes.hash("same password here", 1_000);
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(PasswordHashes.hash("x", PasswordHashes.ITERATIONS).startsWith("pbkdf2-sha256$600000$"));
    }

    @Test
    void missingOrMalformedHashesNeverMatch() {
        assertFalse(PasswordHashes.matches("anything", null));
        assertFalse(PasswordHashes.matches(null, PasswordHashes.hash("anything", 1_000)));
        assertFalse(PasswordHashes.matches("anything", "plain-text"));
        assertFalse(PasswordHashes.matches("anything", "pbkdf2-sha256$x$y$z"));
        assertFalse(PasswordHashes.matches("anything", "md5$1$abc$def"));
    }
}
