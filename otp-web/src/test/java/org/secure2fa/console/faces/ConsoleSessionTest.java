package org.secure2fa.console.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

    @Test
    void onlyConsolePagesOfThisSiteAreRememberedForAfterTheSignIn() {
        for (String page : List.of("/app/project.xhtml?id=42", "/app/dashboard.xhtml", "/app/activity.xhtml?project=7&kind=VERIFY",
                "/app/account.xhtml")) {
            assertTrue(ConsoleSession.isConsolePage(page), page);
        }
        for (String page : List.of("//evil.example/app/x.xhtml", "https://evil.example/app/x.xhtml", "/app//evil.example",
                "/app/../signin.xhtml", "/app/%2e%2e/x.xhtml", "/app/\\evil.example", "/app/x.xhtml?next=//evil.example",
                "/app/x.xhtml\r\nLocation: https://evil.example", "/signin.xhtml", "/app/", "/app/x.xhtml?a=\u00e9",
                "/app/" + "x".repeat(600) + ".xhtml", "app/x.xhtml", "/app/x.xhtml?a= b")) {
            assertFalse(ConsoleSession.isConsolePage(page), page);
        }
    }

    @Test
    void theRememberedPageIsTakenOnce() {
        ConsoleSession session = new ConsoleSession();
        session.requestedPage("/app/project.xhtml?id=42");
        assertEquals(Optional.of("/app/project.xhtml?id=42"), session.takeRequestedPage());
        assertEquals(Optional.empty(), session.takeRequestedPage());
        session.requestedPage("//evil.example/");
        assertEquals(Optional.empty(), session.takeRequestedPage());
    }
}
