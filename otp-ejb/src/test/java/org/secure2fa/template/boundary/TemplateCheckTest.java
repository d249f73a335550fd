package org.secure2fa.template.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secure2fa.platform.boundary.InvalidInputException;

class TemplateCheckTest {

    private static VersionView v(String lang, String body) {
        return new VersionView(lang, " Subject ", body, "  ");
    }

    @Test
    void versionsAreNormalizedAndKeptInOrder() {
        List<VersionView> checked = TemplateService.check(List.of(v(" EN ", " Code {{OTP_CODE}} "), v("fr", "Code : {{OTP_CODE}}")));
        assertEquals("en", checked.get(0).lang());
        assertEquals("Code {{OTP_CODE}}", checked.get(0).body());
        assertEquals("Subject", checked.get(0).subject());
        assertNull(checked.get(0).htmlBody(), "a blank HTML body is no HTML body");
        assertEquals("fr", checked.get(1).lang());
    }

    @Test
    void everyBodyNeedsThePlaceholder() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TemplateService.check(List.of(v("en", "Your code is {{OTP_CODE}}"), v("fr", "Votre code"))));
        assertTrue(e.getMessage().contains("fr") && e.getMessage().contains("{{OTP_CODE}}"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> TemplateService.check(List.of(
                new VersionView("en", null, "{{OTP_CODE}}", "<p>no code here</p>"))), "nor may the HTML body lack it");
    }

    @Test
    void languagesAreIso6391AndUnique() {
        assertTrue(assertThrows(InvalidInputException.class,
                () -> TemplateService.check(List.of(v("xx", "{{OTP_CODE}}")))).getMessage().contains("ISO 639-1"));
        assertTrue(assertThrows(InvalidInputException.class,
                () -> TemplateService.check(List.of(v("eng", "{{OTP_CODE}}")))).getMessage().contains("ISO 639-1"));
        assertTrue(assertThrows(InvalidInputException.class, () -> TemplateService.check(List.of(v("en", "{{OTP_CODE}}"),
                v("EN", "{{OTP_CODE}}")))).getMessage().contains("en is there twice"));
        assertThrows(InvalidInputException.class, () -> TemplateService.check(List.of()));
    }
}
