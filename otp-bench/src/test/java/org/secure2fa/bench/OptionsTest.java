package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Map<String, String> KEYS = Map.of("OTP_PUBLIC_KEY", "0123456789abcdef0123456789abcdef",
            "OTP_SECRET_KEY", "abcdefghijklmnopqrstuvwxyz012345");

    @Test
    void defaultsMeasureAgainstPgbenchWithALongWarmUp() throws Exception {
        Options options = Options.parse(new String[0], KEYS);

        assertEquals(List.of("pgbench", "pgbench-generate", "generate", "generate-repeat", "verify", "verify-wrong",
                "fixed-rate"),
                options.targets());
        assertEquals(60, options.warmup());
        assertEquals(30, options.duration());
        assertEquals(32, options.connections());
        assertEquals(0.5, options.rateShare());
        assertEquals(new Options.Postgres("127.0.0.1", 5432, "postgres", "secure2fa_pgbench"), options.postgres());
        assertEquals(List.of(), options.serverPids());
        assertEquals(List.of(8080), options.serverPorts());
    }

    @Test
    void serverPortFollowsTheUrl() throws Exception {
        Options options = Options.parse(new String[] {"--url", "http://127.0.0.1:8098"}, KEYS);

        assertEquals(List.of(8098), options.serverPorts());
    }

    @Test
    void targetsRunInTheFixedOrderWhateverOrderTheyAreGivenIn() throws Exception {
        Options options = Options.parse(new String[] {"--targets", "verify,noop,first-minute,generate"}, KEYS);

        assertEquals(List.of("first-minute", "noop", "generate", "verify"), options.targets());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        Options options = Options.parse(new String[] {"--connections", "8", "--warmup", "0", "--duration", "5",
                "--rate-share", "0.25", "--pg-host", "db", "--pg-port", "5433", "--pg-user", "bench",
                "--pg-database", "scratch", "--server-pid", "12,34", "--server-port", "8180,8280", "--payloads", "500",
                "--db", "H2 embedded"}, KEYS);

        assertEquals(8, options.connections());
        assertEquals(0, options.warmup());
        assertEquals(5, options.duration());
        assertEquals(0.25, options.rateShare());
        assertEquals(new Options.Postgres("db", 5433, "bench", "scratch"), options.postgres());
        assertEquals(List.of(12L, 34L), options.serverPids());
        assertEquals(List.of(8180, 8280), options.serverPorts());
        assertEquals(500, options.payloads());
        assertEquals("H2 embedded", options.database());
    }

    @Test
    void verifyTargetsNeedATargetThatIssuesCodes() {
        Options.UsageException e = assertThrows(Options.UsageException.class,
                () -> Options.parse(new String[] {"--targets", "pgbench,verify-wrong"}, KEYS));

        assertTrue(e.getMessage().contains("generate"), e.getMessage());
    }

    @Test
    void repeatGeneratesAreEnoughForTheVerifyTargets() throws Exception {
        Options options = Options.parse(new String[] {"--targets", "generate-repeat,verify,verify-wrong"}, KEYS);

        assertEquals(List.of("generate-repeat", "verify", "verify-wrong"), options.targets());
    }

    @Test
    void fixedRateNeedsTheClosedLoopRatesItTakesAShareOf() {
        assertThrows(Options.UsageException.class,
                () -> Options.parse(new String[] {"--targets", "generate,fixed-rate"}, KEYS));
    }

    @Test
    void badValuesSayWhichOptionAndWhy() {
        assertEquals("--warmup needs a whole number of at least 0, not 1.5", assertThrows(Options.UsageException.class,
                () -> Options.parse(new String[] {"--warmup", "1.5"}, KEYS)).getMessage());
        assertEquals("--pg-port needs a whole number from 1 to 65535, not 70000",
                assertThrows(Options.UsageException.class,
                        () -> Options.parse(new String[] {"--pg-port", "70000"}, KEYS)).getMessage());
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--rate-share", "1.5"}, KEYS));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--server-pid", ","}, KEYS));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--targets", "nope"}, KEYS));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--duration"}, KEYS));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--frobnicate", "1"}, KEYS));
    }

    @Test
    void keysAreRequired() {
        Options.UsageException e = assertThrows(Options.UsageException.class,
                () -> Options.parse(new String[0], Map.of()));

        assertTrue(e.getMessage().contains("OTP_PUBLIC_KEY"), e.getMessage());
    }

    @Test
    void helpIsAUsageExceptionWithoutMessage() {
        assertEquals("", assertThrows(Options.UsageException.class,
                () -> Options.parse(new String[] {"--help"}, KEYS)).getMessage());
    }
}
