package org.secure2fa.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints the figures, each as a share of pgbench's, the warm-up against the window, and the goals. */
final class Report {

    /** The goals: shares of pgbench's single-row-update rate, and the latency users feel. */
    static final double GENERATE_OF_PGBENCH = 0.30;
    static final double VERIFY_OF_PGBENCH = 0.30;
    static final double REPEAT_OF_PGBENCH = 0.25;
    static final double MAX_FIXED_RATE_P99_MILLIS = 20;
    static final double FIRST_MINUTE_OF_WARM = 0.70;
    /** How far the last 10 s of warm-up may differ from the window for the warm-up to count as done. */
    static final double WARMUP_TOLERANCE = 0.10;

    static final String FIRST_MINUTE = "first minute";
    static final String FIRST_MINUTE_WARM = "first minute, warm";
    static final String FIXED_GENERATE = "fixed-rate generate";
    static final String FIXED_VERIFY = "fixed-rate verify";

    /** One goal; {@code pass == null} when it could not be judged (a target not run). */
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
        if (options.runs("pgbench")) {
            Options.Postgres pg = options.postgres();
            out.printf("pgbench      %s:%d, database %s, %d clients%n", pg.host(), pg.port(), pg.database(),
                    options.connections());
        }
        if (options.runs("pgbench-generate")) {
            Options.Postgres pg = options.postgres();
            out.printf("pgbench-gen. %s:%d, database %s (rebuilt by the service's migrations), %d clients%n",
                    pg.host(), pg.port(), new ServiceSchema(pg).database(), options.connections());
        }
        out.printf("load         %d connections; per target %d s warm-up + %d s measured, closed loop; fixed rate "
                + "at %s of the closed-loop rate%n", options.connections(), options.warmup(), options.duration(),
                options.rateShare());
        out.println("targets      " + String.join(", ", options.targets()));
        out.println();
    }

    /** @param results by target, in the order they ran */
    void results(Map<String, Result> results) {
        Result pgbench = results.get("pgbench");
        double ceiling = pgbench == null ? Double.NaN : pgbench.perSecond();
        out.println();
        out.printf("%-20s %9s %8s %8s %8s %8s %7s %9s %10s %16s%n", "", "", "", "", "", "", "", "share of",
                "warm-up", "CPU ms / request");
        out.printf("%-20s %9s %8s %8s %8s %8s %7s %9s %10s %7s %8s%n", "target", "req/s", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms", "errors", "pgbench", "last 10 s", "server", "Postgres");
        for (Result r : results.values()) {
            Latency l = r.latency();
            out.printf("%-20s %9.1f %8s %8s %8s %8s %7d %9s %10s %7s %8s%n", r.target(), r.perSecond(),
                    millis(l == null ? Double.NaN : l.p50()), millis(l == null ? Double.NaN : l.p99()),
                    millis(l == null ? Double.NaN : l.p999()), millis(l == null ? Double.NaN : l.max()),
                    r.errorCount() + r.warmupErrorCount(), percent(r.perSecond() / ceiling),
                    rate(r.throughput().lastWarmupRate()),
                    millis(CpuUse.perRequest(r.cpu().serverMillis(), r.requests())),
                    millis(CpuUse.perRequest(r.cpu().postgresMillis(), r.requests())));
        }
        List<String> notes = new ArrayList<>();
        for (Result r : results.values()) {
            r.notes().forEach(n -> notes.add(r.target() + ": " + n));
            if (!r.errors().isEmpty()) {
                notes.add(r.target() + " errors in the window: " + describe(r.errors()));
            }
            if (!r.warmupErrors().isEmpty()) {
                notes.add(r.target() + " errors in warm-up: " + describe(r.warmupErrors()));
            }
        }
        if (pgbench == null) {
            notes.add("no pgbench figure in this run: no shares of it");
        }
        ofDatabaseAlone(results).ifPresent(notes::add);
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(n -> out.println("  " + n));
        }

        out.println();
        out.println("Warm-up: req/s per 10 s up to the window | the window's; last 10 s of warm-up / window");
        for (Result r : results.values()) {
            Throughput t = r.throughput();
            out.printf("%-20s %s | %s  %s%n", r.target(), rates(t.warmupByTenSeconds()), rates(t.windowByTenSeconds()),
                    Double.isNaN(t.lastWarmupRate()) || r.perSecond() == 0 ? "n/a"
                            : String.format("%.2f", t.lastWarmupRate() / r.perSecond()));
        }

        List<Check> checks = checks(results);
        out.println();
        out.printf("%-28s %26s %12s  %s%n", "goal", "measured", "goal", "verdict");
        for (Check c : checks) {
            out.printf("%-28s %26s %12s  %s%n", c.name(), c.value(), c.goal(), c.verdict());
        }
        long failed = checks.stream().filter(c -> Boolean.FALSE.equals(c.pass())).count();
        long judged = checks.stream().filter(c -> c.pass() != null).count();
        out.println();
        out.println(failed == 0 ? "All " + judged + " goals judged were met."
                : failed + " of " + judged + " goals judged were missed.");
    }

    /**
     * The service's generate against the database committing the same transaction with nothing else on
     * the machine: how much of the database's own rate for a generate the server leaves it.
     */
    static Optional<String> ofDatabaseAlone(Map<String, Result> results) {
        Result generate = results.get("generate");
        Result alone = results.get("pgbench-generate");
        if (generate == null || alone == null || alone.perSecond() == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("generate runs at %s of pgbench-generate, the database committing the "
                + "same statements with nothing else on the machine", percent(generate.perSecond() / alone.perSecond())));
    }

    static List<Check> checks(Map<String, Result> results) {
        Result pgbench = results.get("pgbench");
        List<Check> checks = new ArrayList<>(List.of(
                share("generate / pgbench", results.get("generate"), pgbench, GENERATE_OF_PGBENCH),
                share("verify / pgbench", results.get("verify"), pgbench, VERIFY_OF_PGBENCH),
                share("generate-repeat / pgbench", results.get("generate-repeat"), pgbench, REPEAT_OF_PGBENCH),
                p99(FIXED_GENERATE + " p99", results.get(FIXED_GENERATE)),
                p99(FIXED_VERIFY + " p99", results.get(FIXED_VERIFY))));
        if (results.containsKey(FIRST_MINUTE)) {
            checks.add(share("first minute / warm", results.get(FIRST_MINUTE), results.get(FIRST_MINUTE_WARM),
                    FIRST_MINUTE_OF_WARM));
        }
        checks.add(warmedUp(results));
        long errors = results.values().stream().mapToLong(r -> r.errorCount() + r.warmupErrorCount()).sum();
        checks.add(new Check("errors", Long.toString(errors), "0", errors == 0));
        return checks;
    }

    private static Check share(String name, Result part, Result whole, double goal) {
        String goalText = ">= " + Math.round(goal * 100) + " %";
        if (part == null || whole == null || whole.perSecond() == 0) {
            return new Check(name, "n/a", goalText, null);
        }
        double share = part.perSecond() / whole.perSecond();
        return new Check(name, percent(share), goalText, share >= goal);
    }

    /** Nothing measured fails: a target that answered nothing in its window has no latency to speak of. */
    private static Check p99(String name, Result result) {
        String goalText = "< " + Math.round(MAX_FIXED_RATE_P99_MILLIS) + " ms";
        if (result == null) {
            return new Check(name, "n/a", goalText, null);
        }
        if (result.latency() == null) {
            return new Check(name, "none", goalText, false);
        }
        return new Check(name, millis(result.latency().p99()) + " ms", goalText,
                result.latency().p99() < MAX_FIXED_RATE_P99_MILLIS);
    }

    /** The target whose last 10 s of warm-up differ most from its window, judged against the tolerance. */
    private static Check warmedUp(Map<String, Result> results) {
        String goalText = "within " + Math.round(WARMUP_TOLERANCE * 100) + " %";
        Result worst = null;
        double worstRatio = 1;
        for (Result r : results.values()) {
            double warm = r.throughput().lastWarmupRate();
            if (Double.isNaN(warm) || r.perSecond() == 0) {
                continue;
            }
            double ratio = warm / r.perSecond();
            if (worst == null || Math.abs(ratio - 1) > Math.abs(worstRatio - 1)) {
                worst = r;
                worstRatio = ratio;
            }
        }
        if (worst == null) {
            return new Check("warm-up / window", "n/a", goalText, null);
        }
        return new Check("warm-up / window", String.format("%.2f %s", worstRatio, worst.target()), goalText,
                Math.abs(worstRatio - 1) <= WARMUP_TOLERANCE);
    }

    private static String describe(Map<String, Long> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : String.format("%.2f", millis);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format("%.1f %%", share * 100);
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format("%.1f", perSecond);
    }

    private static String rates(double[] perSecond) {
        return perSecond.length == 0 ? "-"
                : Arrays.stream(perSecond).mapToObj(r -> String.format("%.0f", r)).collect(Collectors.joining(" "));
    }
}
