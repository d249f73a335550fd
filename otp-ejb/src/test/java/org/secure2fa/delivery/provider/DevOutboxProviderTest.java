package org.secure2fa.delivery.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.delivery.spi.DeliveryReceipt.Outcome;
import org.secure2fa.delivery.spi.DeliveryRequest;

class DevOutboxProviderTest {

    @TempDir
    Path dir;

    @Test
    void keepsEmailAsEmlAndSmsAsText() throws Exception {
        DevOutboxProvider provider = new DevOutboxProvider();
        provider.configuredDir = Optional.of(dir.toString());
        provider.init();
        var email = provider.send(new DeliveryRequest(1, ChannelType.EMAIL, "bob@example.com", "Code",
                "Your code is 424242", null), Map.of());
        var sms = provider.send(new DeliveryRequest(2, ChannelType.SMS, "+14155552671", null,
                "Your code is 737373", null), Map.of());
        assertEquals(Outcome.ACCEPTED, email.outcome());
        assertEquals(Outcome.ACCEPTED, sms.outcome());
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertEquals(2, files.size());
        String eml = Files.readString(files.stream().filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow());
        assertTrue(eml.contains("To: bob@example.com") && eml.contains("424242"), eml);
        String txt = Files.readString(files.stream().filter(f -> f.toString().endsWith(".txt")).findFirst().orElseThrow());
        assertTrue(txt.contains("+14155552671") && txt.contains("737373"), txt);
    }
}
