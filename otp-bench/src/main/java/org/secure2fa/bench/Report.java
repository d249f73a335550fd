package org.secure2fa.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the figures, their ratios and the brief's targets. */
final class Report {

    /** The brief's goals; the stack's own cost (noop) is the yardstick, nginx is the floor of the machine. */
    static final double NOOP_OF_NGINX = 0.10;
    static final double VERIFY_OF_NOOP = 0.50;
    static final double GENERATE_OF_NOOP = 0.40;
    static final double MAX_P99_MILLIS = 50;

    /** One target of the brief; {@code pass == null} when it could not be judged (a target not run). */
    record Check(String name, String value, String goal, Boolean pass) {

        String verdict() {
            return pass == null ? "n/a" : pass ? "PASS" : "FAIL";
        }
    }

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void header(Machine machine, Options options) {
        out.println("Secure 2FA benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.printf("machine      %d CPUs, %s, %s RAM%n", machine.cpus(), machine.cpuModel(), machine.memory());
        out.println("java         " + machine.java());
        out.println("server       " + options.url() + ", database: "
                + (options.database() == null ? "not given (--db)" : options.database()));
        out.printf("load         %d connections, closed loop, %s s warm-up + %s s measured per target%n",
                options.connections(), seconds(options.warmup().toMillis()), seconds(options.duration().toMillis()));
        out.println("targets      " + String.join(", ", options.targets()));
        out.println();
    }

    void results(Map<String, Result> results) {
        out.println();
        out.printf("%-10s %10s %8s %8s %8s %10s %8s %8s%n",
                "target", "req/s", "p50 ms", "p99 ms", "max ms", "requests", "window s", "errors");
        for (Result r : results.values()) {
            out.printf("%-10s %10.1f %8.2f %8.2f %8.2f %10d %8.1f %8d%n", r.target(), r.perSecond(), r.p50Millis(),
                    r.p99Millis(), r.maxMillis(), r.requests(), r.seconds(), r.errorCount() + r.warmupErrorCount());
        }
        List<String> notes = new ArrayList<>();
        for (Result r : results.values()) {
            if (r.note() != null) {
                notes.add(r.target() + ": " + r.note());
            }
            if (!r.errors().isEmpty()) {
                notes.add(r.target() + " errors in the window: " + describe(r.errors()));
            }
            if (!r.warmupErrors().isEmpty()) {
                notes.add(r.target() + " errors in warm-up: " + describe(r.warmupErrors()));
            }
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(n -> out.println("  " + n));
        }

        List<Check> checks = checks(results);
        out.println();
        out.printf("%-22s %12s %10s  %s%n", "ratio / target", "measured", "goal", "verdict");
        for (Check c : checks) {
            out.printf("%-22s %12s %10s  %s%n", c.name(), c.value(), c.goal(), c.verdict());
        }
        long failed = checks.stream().filter(c -> Boolean.FALSE.equals(c.pass())).count();
        long judged = checks.stream().filter(c -> c.pass() != null).count();
        out.println();
        out.println(failed == 0 ? "All " + judged + " targets judged were met."
                : failed + " of " + judged + " targets judged were missed.");
    }

    static List<Check> checks(Map<String, Result> results) {
        Result nginx = results.get("nginx");
        Result noop = results.get("noop");
        Result generate = results.get("generate");
        Result verify = results.get("verify");
        long errors = results.values().stream().mapToLong(r -> r.errorCount() + r.warmupErrorCount()).sum();
        return List.of(
                ratio("noop / nginx", noop, nginx, NOOP_OF_NGINX),
                ratio("generate / noop", generate, noop, GENERATE_OF_NOOP),
                ratio("verify / noop", verify, noop, VERIFY_OF_NOOP),
                p99("generate p99", generate),
                p99("verify p99", verify),
                new Check("unexpected errors", Long.toString(errors), "0", errors == 0));
    }

    private static Check ratio(String name, Result part, Result whole, double goal) {
        String goalText = ">= " + Math.round(goal * 100) + " %";
        if (part == null || whole == null || whole.perSecond() == 0) {
            return new Check(name, "n/a", goalText, null);
        }
        double ratio = part.perSecond() / whole.perSecond();
        return new Check(name, String.format("%.1f %%", ratio * 100), goalText, ratio >= goal);
    }

    /** Nothing measured fails: a target that answered nothing in its window has no latency to speak of. */
    private static Check p99(String name, Result result) {
        String goalText = "< " + Math.round(MAX_P99_MILLIS) + " ms";
        if (result == null) {
            return new Check(name, "n/a", goalText, null);
        }
        if (result.requests() == 0) {
            return new Check(name, "none", goalText, false);
        }
        return new Check(name, String.format("%.2f ms", result.p99Millis()), goalText,
                result.p99Millis() < MAX_P99_MILLIS);
    }

    private static String describe(Map<String, Long> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "5" for 5000 ms, "2.5" for 2500 ms. */
    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
