package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The server reported ready only after its warm-up (3 s in the suite) had called its own API: every
     * code it generated verified, and the project it used is gone with its channel and template (its
     * users and codes go with the project, deleted with it by the features that keep them).
     */
    @Test
    void readinessFollowsAWarmUpThatLeavesNothingBehind() {
        Reply ready = Api.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject warmUp = ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("warm-up")).findFirst()
                .orElseThrow(() -> new AssertionError("no warm-up check in " + ready.body()));
        assertEquals("UP", warmUp.getString("status"));
        String outcome = warmUp.getJsonObject("data").getString("outcome");
        Matcher done = Pattern.compile("^(\\d+) codes generated and verified in 3 s by \\d+ callers$")
                .matcher(outcome);
        assertTrue(done.matches(), "every warm-up call succeeded: " + outcome);
        assertTrue(Long.parseLong(done.group(1)) > 0, outcome);
        assertEquals(0, Fixtures.number("select count(*) from project where name = 'Secure 2FA warm-up'"));
        assertEquals(0, Fixtures.number("select count(*) from channel where name = 'Secure 2FA warm-up'"));
        assertEquals(0, Fixtures.number("select count(*) from template where name = 'Secure 2FA warm-up'"));
    }
}
