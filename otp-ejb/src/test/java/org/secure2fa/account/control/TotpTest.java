package org.secure2fa.account.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Against the test vectors published in RFC 4226 (HOTP), RFC 6238 (TOTP) and RFC 4648 (Base32). */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hotpMatchesRfc4226AppendixD() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], Totp.hotp(RFC_KEY, counter, 6), "counter " + counter);
        }
    }

    @Test
    void totpMatchesRfc6238AppendixBForSha1() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] expected = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(expected[i], Totp.hotp(RFC_KEY, Totp.stepAt(times[i]), 8), "T=" + times[i]);
        }
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNeverTheSameStepTwice() {
        long now = 1234567890L;
        long step = Totp.stepAt(now);
        String current = Totp.hotp(RFC_KEY, step, 6);
        assertEquals(OptionalLong.of(step), Totp.verify(RFC_KEY, current, now, -1));
        assertEquals(OptionalLong.of(step - 1), Totp.verify(RFC_KEY, Totp.hotp(RFC_KEY, step - 1, 6), now, -1));
        assertEquals(OptionalLong.of(step + 1), Totp.verify(RFC_KEY, Totp.hotp(RFC_KEY, step + 1, 6), now, -1));
        assertTrue(Totp.verify(RFC_KEY, Totp.hotp(RFC_KEY, step - 2, 6), now, -1).isEmpty(), "too old");
        assertTrue(Totp.verify(RFC_KEY, current, now, step).isEmpty(), "a used step is not accepted again");
        assertTrue(Totp.verify(RFC_KEY, Totp.hotp(RFC_KEY, step - 1, 6), now, step).isEmpty(),
                "nor an earlier one once a later one was used");
        assertTrue(Totp.verify(RFC_KEY, "12345", now, -1).isEmpty());
        assertTrue(Totp.verify(RFC_KEY, "abcdef", now, -1).isEmpty());
        assertTrue(Totp.verify(RFC_KEY, null, now, -1).isEmpty());
    }

    @Test
    void otpauthUriIsWhatAuthenticatorAppsRead() {
        String uri = Totp.otpauthUri("Secure 2FA", "alice@example.com", RFC_KEY);
        assertEquals("otpauth://totp/Secure%202FA:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Secure%202FA&algorithm=SHA1&digits=6&period=30", uri);
        assertEquals(20, Totp.newKey().length);
    }

    @Test
    void base32MatchesRfc4648AndRoundTrips() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII)));
            assertArrayEquals(v[0].getBytes(StandardCharsets.US_ASCII), Base32.decode(v[1]));
        }
        byte[] key = Totp.newKey();
        assertArrayEquals(key, Base32.decode(Base32.encode(key).toLowerCase()));
        assertArrayEquals(Base32.decode("MZXW6YTBOI"), Base32.decode("mzxw 6ytb-oi=="));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZ1"));
    }
}
