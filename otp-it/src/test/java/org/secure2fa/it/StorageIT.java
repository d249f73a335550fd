package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 runs with WRITE_DELAY=0, at which H2 itself never compacts its file: the server's
 * own housekeeping must be running there (it reaches H2's store through Payara's pool), and must stay
 * off on PostgreSQL.
 */
class StorageIT {

    private static final String ON = "H2 housekeeping is on";

    @Test
    void h2HousekeepingRunsOnH2AndOnlyThere() throws Exception {
        TestServer server = TestServer.get();
        String log = "";
        if ("h2".equals(server.db)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (!log.contains(ON) && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                log = logs(server);
            }
            assertTrue(log.contains(ON), "no housekeeping line in " + server.server.serverLog());
        } else {
            log = logs(server);
            assertFalse(log.contains(ON), "H2 housekeeping must stay off on " + server.db);
        }
        assertFalse(log.contains("H2 compaction"), "a compaction round failed: see " + server.server.serverLog());
    }

    /** server.log and the files it was rotated into. */
    private static String logs(TestServer server) throws IOException {
        Path dir = server.server.serverLog().getParent();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
