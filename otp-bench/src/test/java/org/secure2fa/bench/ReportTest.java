package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void sharesOfPgbenchAndTheFixedRateP99AreJudgedAgainstTheGoals() {
        Map<String, Result> results = new LinkedHashMap<>();
        put(results, result("pgbench", 10_000, Double.NaN, Map.of()));
        put(results, result("generate", 3_000, 8, Map.of()));
        put(results, result("generate-repeat", 2_400, 8, Map.of()));
        put(results, result("verify", 2_900, 8, Map.of()));
        put(results, result(Report.FIXED_GENERATE, 1_500, 19.9, Map.of()));
        put(results, result(Report.FIXED_VERIFY, 1_450, 20, Map.of()));

        Map<String, Report.Check> checks = byName(Report.checks(results));

        assertEquals("PASS", checks.get("generate / pgbench").verdict());
        assertEquals("30.0 %", checks.get("generate / pgbench").value());
        assertEquals("FAIL", checks.get("verify / pgbench").verdict());
        assertEquals("FAIL", checks.get("generate-repeat / pgbench").verdict());
        assertEquals("PASS", checks.get(Report.FIXED_GENERATE + " p99").verdict());
        assertEquals("FAIL", checks.get(Report.FIXED_VERIFY + " p99").verdict());
        assertEquals("PASS", checks.get("errors").verdict());
        assertEquals("PASS", checks.get("warm-up / window").verdict());
    }

    @Test
    void generateIsSetAgainstTheDatabaseCommittingItsStatementsAlone() {
        Map<String, Result> results = new LinkedHashMap<>();
        put(results, result("generate", 1_500, 8, Map.of()));
        assertTrue(Report.ofDatabaseAlone(results).isEmpty(), "nothing to set it against");

        put(results, result("pgbench-generate", 6_000, Double.NaN, Map.of()));

        assertEquals("generate runs at 25.0 % of pgbench-generate, the database committing the same statements "
                + "with nothing else on the machine", Report.ofDatabaseAlone(results).orElseThrow());
    }

    @Test
    void withoutPgbenchNoShareIsJudged() {
        Map<String, Result> results = new LinkedHashMap<>();
        put(results, result("generate", 3_000, 8, Map.of()));

        Map<String, Report.Check> checks = byName(Report.checks(results));

        assertNull(checks.get("generate / pgbench").pass());
        assertNull(checks.get(Report.FIXED_GENERATE + " p99").pass());
    }

    @Test
    void anyErrorFailsAndAWarmUpStillClimbingFails() {
        Map<String, Result> results = new LinkedHashMap<>();
        put(results, result("verify-wrong", 2_000, 8, Map.of("429", 1L)));
        Result climbing = new Result("generate", 30_000, 10, null, Map.of(), Map.of(), List.of(),
                new Throughput(new double[] {1_000, 2_000, 3_000}, 2), CpuUse.UNKNOWN);
        put(results, climbing);

        Map<String, Report.Check> checks = byName(Report.checks(results));

        assertEquals("FAIL", checks.get("errors").verdict());
        assertEquals("1", checks.get("errors").value());
        assertEquals("FAIL", checks.get("warm-up / window").verdict());
        assertEquals("0.50 generate", checks.get("warm-up / window").value());
    }

    @Test
    void theFirstMinuteIsJudgedAgainstTheWarmRateOnlyWhenItRan() {
        Map<String, Result> results = new LinkedHashMap<>();
        put(results, result(Report.FIRST_MINUTE, 700, 8, Map.of()));
        put(results, result(Report.FIRST_MINUTE_WARM, 1_000, 8, Map.of()));

        assertEquals("PASS", byName(Report.checks(results)).get("first minute / warm").verdict());
        assertTrue(!byName(Report.checks(new LinkedHashMap<>())).containsKey("first minute / warm"));
    }

    @Test
    void theTableShowsSharesCpuPerRequestAndTheWarmUp() {
        Map<String, Result> results = new LinkedHashMap<>();
        put(results, result("pgbench", 10_000, Double.NaN, Map.of()));
        put(results, new Result("generate", 30_000, 10, new Latency(1, 2, 3, 4), Map.of(), Map.of(), List.of(),
                new Throughput(new double[] {2_900, 3_000, 3_000}, 2), new CpuUse(15_000, 6_000)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8)).results(results);

        String generateRow = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("generate "))
                .findFirst().orElseThrow();
        assertEquals(List.of("generate", "3000.0", "1.00", "2.00", "3.00", "4.00", "0", "30.0", "%", "2950.0", "0.50",
                "0.20"), List.of(generateRow.trim().split("\\s+")));
    }

    /** {@code requests} over 10 s, its p99 as given, a warm-up that had levelled off. */
    private static Result result(String target, double perSecond, double p99, Map<String, Long> errors) {
        Latency latency = Double.isNaN(p99) ? null : new Latency(p99 / 2, p99, p99, p99);
        return new Result(target, Math.round(perSecond * 10), 10, latency, errors, Map.of(), List.of(),
                new Throughput(new double[] {perSecond, perSecond, perSecond}, 2), CpuUse.UNKNOWN);
    }

    private static void put(Map<String, Result> results, Result result) {
        results.put(result.target(), result);
    }

    private static Map<String, Report.Check> byName(List<Report.Check> checks) {
        Map<String, Report.Check> byName = new LinkedHashMap<>();
        checks.forEach(c -> byName.put(c.name(), c));
        return byName;
    }
}
