package org.secure2fa.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyringTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void createsTheKeyFileOwnerReadableOnlyAndKeepsIt() throws Exception {
        java.nio.file.Path file = dir.resolve("keys/master.key");
        Keyring first = new Keyring();
        first.configuredKey = java.util.Optional.empty();
        first.configuredKeyFile = java.util.Optional.of(file.toString());
        first.init();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
        String sealed = first.seal("secret");
        Keyring second = new Keyring();
        second.configuredKey = java.util.Optional.empty();
        second.configuredKeyFile = java.util.Optional.of(file.toString());
        second.init();
        assertEquals("secret", second.open(sealed), "a restart reads the same key");
    }

    private final Keyring keyring = new Keyring(new byte[32]);

    @Test
    void sealsAndOpens() {
        String sealed = keyring.seal("MvZ8V47mw6HL3Ug74vuVcxILVwcQFsw8");
        assertFalse(sealed.contains("MvZ8"));
        assertEquals("MvZ8V47mw6HL3Ug74vuVcxILVwcQFsw8", keyring.open(sealed));
        assertNotEquals(sealed, keyring.seal("MvZ8V47mw6HL3Ug74vuVcxILVwcQFsw8"));
    }

    @Test
    void detectsTamperingAndOtherMasterKeys() {
        String sealed = keyring.seal("secret");
        byte[] raw = Base64.getDecoder().decode(sealed);
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> keyring.open(Base64.getEncoder().encodeToString(raw)));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(IllegalStateException.class, () -> new Keyring(other).open(sealed));
    }

    @Test
    void hashesAreKeyedAndScopedToTheProject() {
        assertNotEquals(keyring.userKey(1, "u1"), keyring.userKey(2, "u1"));
        assertEquals(keyring.userKey(1, "u1"), keyring.userKey(1, "u1"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertNotEquals(keyring.userKey(1, "u1"), new Keyring(other).userKey(1, "u1"));
        String user = keyring.userKey(1, "u1");
        assertTrue(Keyring.same(keyring.codeHash(user, "123456"), keyring.codeHash(user, "123456")));
        assertFalse(Keyring.same(keyring.codeHash(user, "123456"), keyring.codeHash(user, "123457")));
        assertFalse(Keyring.same(null, "x"));
    }
}
