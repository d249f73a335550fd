package org.secure2fa.delivery.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesWithJitterAndStopsAtTheCap() {
        Backoff backoff = new Backoff(1_000, 60_000);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            long first = backoff.delayAfter(1);
            assertTrue(first >= 500 && first <= 1_000, "first " + first);
            long fourth = backoff.delayAfter(4);
            assertTrue(fourth >= 4_000 && fourth <= 8_000, "fourth " + fourth);
            long late = backoff.delayAfter(30);
            assertTrue(late >= 30_000 && late <= 60_000, "capped " + late);
            seen.add(first);
        }
        assertTrue(seen.size() > 10, "no jitter");
    }

    @Test
    void settingsRoundTripAsJson() {
        var values = new java.util.LinkedHashMap<String, String>();
        values.put("host", "smtp.example.com");
        values.put("password", "p\"w\\d\u00e9");
        values.put("empty", null);
        var back = Settings.fromJson(Settings.toJson(values));
        assertTrue(back.equals(java.util.Map.of("host", "smtp.example.com", "password", "p\"w\\d\u00e9")), back.toString());
    }
}
