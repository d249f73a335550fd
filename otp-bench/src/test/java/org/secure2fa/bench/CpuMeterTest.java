package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMeterTest {

    @TempDir
    Path proc;

    @Test
    void readsOwnAndChildrenTicksCountingFieldsAfterTheCommandName() {
        ProcStat stat = ProcStat.parse("2208 (postgres) S 1 2208 2208 0 -1 4194304 6633 329734 0 27 2 9 421 495 20 0 "
                + "1 0 2897 222445568 7432 18446744073709551615");

        assertEquals("postgres", stat.comm());
        assertEquals(2, stat.utime());
        assertEquals(9, stat.stime());
        assertEquals(421, stat.cutime());
        assertEquals(495, stat.cstime());
        assertEquals(11, stat.ownTicks());
        assertEquals(927, stat.ticksWithChildren());
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("77 (a b) (c)) R 1 1 1 0 -1 0 0 0 0 0 300 40 5 6 20 0 1 0 1 1 1");

        assertEquals("a b) (c)", stat.comm());
        assertEquals(300, stat.utime());
        assertEquals(40, stat.stime());
        assertEquals(5, stat.cutime());
        assertEquals(6, stat.cstime());
    }

    @Test
    void aLineThatIsNotAStatLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("no parentheses here"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("1 (short) S 1 2 3"));
        assertThrows(IllegalArgumentException.class,
                () -> ProcStat.parse("1 (x) S 1 1 1 0 -1 0 0 0 0 0 ten 40 5 6 20 0 1 0 1 1 1"));
    }

    @Test
    void postgresCountsEveryPostgresProcessWithTheBackendsThatExitedInBetween() throws IOException {
        process(10, "java", 500, 100, 0, 0);
        process(20, "postgres", 10, 5, 100, 50);
        process(21, "postgres", 7, 3, 0, 0);
        process(22, "postgres", 4, 1, 0, 0);
        process(30, "nginx", 999, 999, 0, 0);
        CpuMeter meter = new CpuMeter(proc, List.of(10L), 100);
        CpuMeter.Sample before = meter.sample();

        assertEquals(600, before.serverTicks());
        assertEquals(10 + 5 + 100 + 50 + 7 + 3 + 4 + 1, before.postgresTicks());

        // The server spends 250 ticks. Backend 21 works 10 more ticks and exits: the postmaster reaps it,
        // so its 20 ticks in all move to the postmaster's children fields. A new backend 23 spends 6.
        process(10, "java", 700, 150, 0, 0);
        Files.delete(proc.resolve("21/stat"));
        Files.delete(proc.resolve("21"));
        process(20, "postgres", 10, 5, 120, 50);
        process(23, "postgres", 5, 1, 0, 0);
        CpuUse use = meter.between(before, meter.sample());

        assertEquals(2500.0, use.serverMillis(), 1e-9);
        assertEquals(160.0, use.postgresMillis(), 1e-9);
    }

    @Test
    void whatCannotBeReadIsUnknownNotZero() throws IOException {
        process(10, "java", 500, 100, 0, 0);
        CpuMeter meter = new CpuMeter(proc, List.of(10L, 11L), 100);

        CpuUse use = meter.between(meter.sample(), meter.sample());

        assertTrue(Double.isNaN(use.serverMillis()), "a server process that is not there");
        assertTrue(Double.isNaN(use.postgresMillis()), "no postgres process at all");
        assertTrue(Double.isNaN(meter.between(new CpuMeter.Sample(-1, -1), new CpuMeter.Sample(5, 5)).serverMillis()),
                "a /proc unreadable at one end");
    }

    @Test
    void javaListenersAreFoundInWhatSsPrints() {
        String ss = """
                LISTEN 0      4096   [::ffff:127.0.0.1]:8080   *:*    users:(("java",pid=4321,fd=712))
                LISTEN 0  4096  *:8080  *:*  users:(("java",pid=4321,fd=713),("java",pid=4400,fd=9))
                LISTEN 0      511             127.0.0.1:8080   0.0.0.0:*  users:(("nginx",pid=99,fd=6))
                """;

        assertEquals(List.of(4321L, 4400L), ServerProcesses.javaPids(ss));
        assertEquals(List.of(), ServerProcesses.javaPids(""));
    }

    private void process(int pid, String comm, long utime, long stime, long cutime, long cstime) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S 1 " + pid + " " + pid + " 0 -1 4194304 0 0 0 0 "
                + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 2897 222445568 7432\n");
    }
}
