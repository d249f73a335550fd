package org.secure2fa.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the CPU time of the server and of PostgreSQL from /proc, before and after each measured window,
 * for the CPU each request costs them. The driver shares the CPUs with both, so requests/s alone
 * would not tell whose cost grew.
 *
 * <p>PostgreSQL is every process named {@code postgres}, each with its reaped children's time: backends
 * come and go (pgbench opens its own), and one that exits leaves its time in the postmaster's children
 * fields, so the sum is right across the window whichever processes were there at either end.
 */
final class CpuMeter {

    /** Clock ticks at one moment; -1 where they could not be read. */
    record Sample(long serverTicks, long postgresTicks) {
    }

    private final Path proc;
    private final List<Long> serverPids;
    private final double millisPerTick;

    /** A meter on this machine's /proc, counting in the kernel's clock ticks. */
    static CpuMeter of(List<Long> serverPids) throws InterruptedException {
        return new CpuMeter(Path.of("/proc"), serverPids, clockTicks());
    }

    /** @param serverPids empty when the server's processes are unknown */
    CpuMeter(Path proc, List<Long> serverPids, long ticksPerSecond) {
        this.proc = proc;
        this.serverPids = List.copyOf(serverPids);
        this.millisPerTick = 1000.0 / ticksPerSecond;
    }

    Sample sample() {
        return new Sample(serverTicks(), postgresTicks());
    }

    CpuUse between(Sample before, Sample after) {
        return new CpuUse(millis(before.serverTicks(), after.serverTicks()),
                millis(before.postgresTicks(), after.postgresTicks()));
    }

    /** For the report: whose CPU it counts. */
    String describe() {
        String server = serverPids.isEmpty() ? "server n/a"
                : "server pid " + serverPids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return server + "; PostgreSQL: every postgres process with its exited children, "
                + Math.round(millisPerTick * 1000) / 1000.0 + " ms per clock tick";
    }

    private double millis(long before, long after) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) * millisPerTick;
    }

    private long serverTicks() {
        if (serverPids.isEmpty()) {
            return -1;
        }
        long ticks = 0;
        for (long pid : serverPids) {
            try {
                ticks += ProcStat.parse(Files.readString(proc.resolve(pid + "/stat"))).ownTicks();
            } catch (IOException | IllegalArgumentException e) {
                return -1;
            }
        }
        return ticks;
    }

    /** -1 when no postgres process is visible: PostgreSQL is not running here, or /proc hides it. */
    private long postgresTicks() {
        long ticks = 0;
        boolean found = false;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path process : processes) {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(process.resolve("stat")));
                    if (stat.comm().equals("postgres")) {
                        ticks += stat.ticksWithChildren();
                        found = true;
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // A process that exited while the directory was read: its time is in its parent's now.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return found ? ticks : -1;
    }

    /** The clock ticks per second /proc counts CPU time in: 100 on Linux unless getconf says otherwise. */
    private static long clockTicks() throws InterruptedException {
        try {
            return Long.parseLong(Command.run(List.of("getconf", "CLK_TCK"), Duration.ofSeconds(10)).out().trim());
        } catch (Command.Failure | NumberFormatException e) {
            return 100;
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
