package org.secure2fa.challenge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secure2fa.delivery.spi.ChannelType;

class RecipientsTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a.b+tag@sub.example.co.uk", "x@y.io", "o'neil@example.com"})
    void validEmails(String email) {
        assertTrue(Recipients.isEmail(email));
        assertTrue(Recipients.fits(ChannelType.EMAIL, email));
        assertFalse(Recipients.fits(ChannelType.SMS, email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "alice@example", "a b@example.com",
            "alice@exa mple.com", ".alice@example.com", "al..ice@example.com", "alice.@example.com",
            "alice@-example.com", "alice@example.com\n", "+14155552671"})
    void invalidEmails(String email) {
        assertFalse(Recipients.isEmail(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "+442071838750", "+33612345678", "+8613800138000"})
    void validPhones(String phone) {
        assertTrue(Recipients.isPhone(phone));
        assertTrue(Recipients.fits(ChannelType.SMS, phone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14155552671", "+04155552671", "+1 415 555 2671", "+1415555267100000", "+12", "+1-415-555",
            "+11234567890", "+4412345", "+999123456789"})
    void invalidPhones(String phone) {
        assertFalse(Recipients.isPhone(phone));
    }

    @Test
    void masksKeepOnlyEnoughToRecognise() {
        assertEquals("a***@example.com", Recipients.mask("alice@example.com"));
        assertEquals("+1415*****71", Recipients.mask("+14155552671"));
    }

    @Test
    void payloadsSplitAtTheFirstHash() {
        assertEquals(Optional.of(new Payload("u1", "a#b@example.com")), Payload.parse("u1#a#b@example.com"));
        assertEquals(Optional.of(new Payload("u1", "123456")), Payload.parse("u1#123456 "));
        assertEquals(Optional.empty(), Payload.parse("#123456"));
        assertEquals(Optional.empty(), Payload.parse("u1#"));
        assertEquals(Optional.empty(), Payload.parse("no-hash"));
        assertEquals(Optional.empty(), Payload.parse("x".repeat(300) + "#1"));
    }
}
