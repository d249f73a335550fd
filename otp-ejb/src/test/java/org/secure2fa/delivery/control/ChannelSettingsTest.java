package org.secure2fa.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secure2fa.delivery.provider.SmtpProvider;
import org.secure2fa.platform.boundary.InvalidInputException;

class ChannelSettingsTest {

    private final SmtpProvider smtp = new SmtpProvider();

    private static Map<String, String> typed(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void anEmptySecretFieldKeepsTheStoredSecretAndANewOneReplacesIt() {
        Map<String, String> stored = Map.of("host", "mail.example", "port", "587", "password", "stored-secret",
                "from", "a@example.com");
        Map<String, String> kept = ChannelSettings.merge(smtp, stored,
                typed("host", "mail.example", "port", "587", "password", "", "from", "b@example.com"));
        assertEquals("stored-secret", kept.get("password"));
        assertEquals("b@example.com", kept.get("from"));
        Map<String, String> replaced = ChannelSettings.merge(smtp, stored,
                typed("host", "mail.example", "port", "587", "password", "new-secret", "from", "a@example.com"));
        assertEquals("new-secret", replaced.get("password"));
    }

    @Test
    void savedSecretsAreNeverKeptForANewAddress() {
        Map<String, String> stored = Map.of("host", "mail.example", "port", "587", "password", "stored-secret",
                "from", "a@example.com");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ChannelSettings.merge(smtp, stored,
                typed("host", "attacker.example", "port", "587", "password", "", "from", "a@example.com")));
        assertEquals("password", e.getField());
        assertThrows(InvalidInputException.class, () -> ChannelSettings.merge(smtp, stored,
                typed("host", "mail.example", "port", "2525", "password", "", "from", "a@example.com")), "nor for a new port");
        assertEquals("stored-secret", ChannelSettings.merge(smtp, stored, typed("host", "mail.example", "port", "587",
                "security", "STARTTLS", "password", "", "from", "a@example.com")).get("password"),
                "a default made explicit is no change of address");
        assertEquals("typed-again", ChannelSettings.merge(smtp, stored, typed("host", "attacker.example", "port", "587",
                "password", "typed-again", "from", "a@example.com")).get("password"), "typed again, it is accepted");
    }

    @Test
    void aClearedTextSettingIsDroppedAndUnknownKeysNeverStored() {
        Map<String, String> merged = ChannelSettings.merge(smtp, Map.of("username", "bob"),
                typed("host", "h", "port", "25", "from", "a@example.com", "username", "", "injected", "x"));
        assertFalse(merged.containsKey("username"));
        assertFalse(merged.containsKey("injected"));
    }

    @Test
    void aProvidersWebhookSettingsAreOfferedOptionalAndKept() {
        var mailgun = new org.secure2fa.delivery.provider.MailgunProvider();
        var signingKey = ChannelSettings.described(mailgun).stream()
                .filter(s -> s.key().equals("webhook_signing_key")).findFirst().orElseThrow();
        assertFalse(signingKey.required(), "without it only the delivery reports are refused");
        Map<String, String> stored = Map.of("domain", "mg.example.com", "api_key", "key-1", "from", "a@example.com",
                "webhook_signing_key", "signing-1");
        Map<String, String> merged = ChannelSettings.merge(mailgun, stored,
                typed("domain", "mg.example.com", "api_key", "", "from", "a@example.com", "webhook_signing_key", ""));
        assertEquals("signing-1", merged.get("webhook_signing_key"), "saving the form keeps it");
    }

    @Test
    void timeoutsAreBounded() {
        Map<String, String> base = Map.of("host", "h", "port", "25", "from", "a@example.com");
        for (String timeout : new String[] {"0", "-5", "999", "30001", "999999999999", "ten"}) {
            Map<String, String> typed = new HashMap<>(base);
            typed.put("timeout_ms", timeout);
            assertEquals("timeout_ms", assertThrows(InvalidInputException.class,
                    () -> ChannelSettings.merge(smtp, Map.of(), typed)).getField(), timeout);
        }
        Map<String, String> ok = new HashMap<>(base);
        ok.put("timeout_ms", "5000");
        assertEquals("5000", ChannelSettings.merge(smtp, Map.of(), ok).get("timeout_ms"));
    }

    @Test
    void requiredSettingsAndChoicesAreChecked() {
        assertEquals("host", assertThrows(InvalidInputException.class,
                () -> ChannelSettings.merge(smtp, Map.of(), typed("port", "25", "from", "a@example.com"))).getField());
        assertEquals("security", assertThrows(InvalidInputException.class, () -> ChannelSettings.merge(smtp, Map.of(),
                typed("host", "h", "from", "a@example.com", "security", "PLAINTEXT"))).getField());
    }
}
