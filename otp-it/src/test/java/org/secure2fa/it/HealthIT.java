package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secure2fa.it.Api.Reply;

class HealthIT {

    @Test
    void livenessAndReadinessReportTheirChecks() {
        Reply live = Api.get("/health/live");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().getString("status"));
        Reply ready = Api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        var checks = ready.json().getJsonArray("checks");
        assertTrue(checks.stream().anyMatch(c -> c.asJsonObject().getString("name").equals("database")
                && c.asJsonObject().getString("status").equals("UP")), ready.body());
        assertTrue(checks.stream().anyMatch(c -> c.asJsonObject().getString("name").equals("delivery")), ready.body());
    }
}
