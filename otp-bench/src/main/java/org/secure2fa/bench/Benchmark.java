package org.secure2fa.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.spec.SecretKeySpec;
import org.secure2fa.crypto.PayloadCipher;

/**
 * Measures Secure 2FA against the limit of its database: pgbench's single-row UPDATE on the same
 * PostgreSQL, the rate of one durable transaction, and a generate's own statements through pgbench, the
 * rate the database alone commits of them; then generate (fresh and repeat users) and
 * verify (right and wrong codes) closed-loop, each with a warm-up long enough for the JIT, and generate
 * and verify at a fixed share of that maximum with latency counted from when each request was due.
 * Optionally first the first minute of a server that was just started, and the nginx and noop yardsticks.
 *
 * <p>Every payload is encrypted before its target's clock starts. Exit status: 0 once measured, whatever
 * the figures (it is a measurement, not a test); 1 when the server cannot be reached or refuses the keys;
 * 2 for a bad command line.
 */
public final class Benchmark {

    /** The rate to size generate payloads for when neither pgbench nor noop ran to bound it. */
    private static final double DEFAULT_RATE = 5_000;
    /** Headroom over an estimate taken from another target: noise must not starve the window. */
    private static final double HEADROOM = 1.5;
    private static final int MIN_PAYLOADS = 1_000;
    /** About 350 MB of prepared requests: 11,000 generates a second for 90 s. */
    private static final int MAX_PAYLOADS = 1_000_000;
    private static final int FIRST_MINUTE_SECONDS = 60;
    /** The code supply's closed loop may take this many times as long as the generate rate suggests. */
    private static final double SUPPLY_SLACK = 3;
    /** Passes of the code supply at most: another covers generates that failed or codes that expired. */
    private static final int SUPPLY_PASSES = 3;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

    private final Options options;
    private final Endpoint server;
    private final Endpoint nginx;
    private final Requests requests;
    private final Payloads payloads;
    /** Unique per run, so that no uuid of this run has a send counted against it by an earlier one. */
    private final String uuidPrefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final ServerCheck check;
    /** A generate form without template request: noop parses it as generate would, nginx discards it. */
    private final String yardstickForm;
    private final CodeBank bank = new CodeBank();
    private final Map<String, Result> results = new LinkedHashMap<>();
    private CpuMeter cpu;
    /** Code supplies run so far, for a uuid segment of their own each. */
    private int supplies;

    private Benchmark(Options options, SecretKeySpec key) {
        this.options = options;
        this.server = Endpoint.of(options.url());
        this.nginx = Endpoint.of(options.nginxUrl());
        this.requests = new Requests(options.publicKey(), key);
        this.payloads = new Payloads(server, requests);
        this.check = new ServerCheck(server, requests, uuidPrefix);
        this.yardstickForm = requests.generateForm(uuidPrefix + "noop", false);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        SecretKeySpec key;
        try {
            options = Options.parse(args, System.getenv());
            key = PayloadCipher.keyOf(options.secretKey())
                    .orElseThrow(() -> new Options.UsageException("The secret key must be 32 ASCII characters."));
        } catch (Options.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        System.exit(new Benchmark(options, key).run());
    }

    private int run() throws InterruptedException {
        Report report = new Report(System.out);
        report.header(Machine.describe(), options);
        boolean generates = options.targets().stream()
                .anyMatch(t -> !List.of("pgbench", "pgbench-generate", "nginx", "noop").contains(t));
        Optional<String> problem = options.runs("nginx") ? ServerCheck.nginxProblem(nginx, nginxRequest())
                : Optional.empty();
        if (problem.isEmpty()) {
            problem = options.runs("first-minute") ? firstMinute(generates) : check.problem(generates);
        }
        if (problem.isPresent()) {
            System.err.println(problem.get());
            return 1;
        }
        if (!options.runs("first-minute")) {
            meterCpu(); // the first minute found the restarted server's processes once it was ready
        }
        if (options.runs("pgbench")) {
            pgbench();
        }
        if (options.runs("pgbench-generate")) {
            pgbenchGenerate();
        }
        if (options.runs("nginx")) {
            record(measure(new LoadPhase(() -> new HttpConnection(nginx), options.connections(), cpu),
                    Plan.of("nginx", options.warmup(), options.duration()), Workload.repeating(nginxRequest())).get(0));
        }
        if (options.runs("noop")) {
            record(measure(Plan.of("noop", options.warmup(), options.duration()),
                    Workload.repeating(Requests.post(server, "/otp/noop", yardstickForm))).get(0));
        }
        if (options.runs("generate")) {
            generate("generate", "gen-", fresh(payloadCount(generateBound())));
        }
        if (options.runs("generate-repeat")) {
            Result generate = results.get("generate");
            double bound = generate != null && generate.perSecond() > 0 ? generate.perSecond() * HEADROOM
                    : generateBound();
            int uuids = Rounds.uuidsFor(GenerateWorkload::repeatCodes, payloadCount(bound));
            generate("generate-repeat", "rep-", Rounds.order(GenerateWorkload::repeatCodes, uuids, roundBlock()));
        }
        if (options.runs("verify")) {
            verify();
        }
        if (options.runs("verify-wrong")) {
            verifyWrong();
        }
        if (options.runs("fixed-rate")) {
            fixedRate();
        }
        report.results(results);
        return 0;
    }

    /**
     * Prepares the first minute's payloads, waits for the server to be ready, and drives generate at
     * once: 60 s, then warm-up and window, in one phase whose two windows are the first minute and the
     * warm figure it is set against.
     */
    private Optional<String> firstMinute(boolean generates) throws InterruptedException {
        int seconds = FIRST_MINUTE_SECONDS + options.warmup() + options.duration();
        int[] owners = fresh(payloadCount(DEFAULT_RATE, seconds));
        byte[][] prepared = payloads.generate(Report.FIRST_MINUTE, uuidPrefix + "first-", owners);
        log("waiting for " + server.path("/health/ready") + " to answer 200 (polled every 100 ms)");
        long waiting = System.nanoTime();
        Optional<String> notReady = check.awaitReady(READY_TIMEOUT);
        if (notReady.isPresent()) {
            return notReady;
        }
        long ready = System.nanoTime();
        Optional<String> problem = check.problem(generates);
        if (problem.isPresent()) {
            return problem;
        }
        meterCpu();
        long late = System.nanoTime() - ready;
        log(String.format("ready after %.1f s of waiting; generate starts %d ms later (after checking the keys)",
                (ready - waiting) / 1e9, late / 1_000_000));
        Plan plan = new Plan(List.of(new Plan.Window(Report.FIRST_MINUTE, 0, FIRST_MINUTE_SECONDS),
                new Plan.Window(Report.FIRST_MINUTE_WARM, FIRST_MINUTE_SECONDS + options.warmup(), seconds)));
        GenerateWorkload workload = new GenerateWorkload(prepared, uuidPrefix + "first-", owners);
        List<Result> measured = measure(plan, workload);
        record(measured.get(0).withNote(String.format("started %d ms after /health/ready first answered 200",
                late / 1_000_000)));
        record(measured.get(1));
        bank.deposit(workload.issued());
        return Optional.empty();
    }

    private void pgbench() throws InterruptedException {
        settle();
        log("pgbench: " + options.warmup() + " s warm-up, " + options.duration() + " s measured, "
                + options.connections() + " clients");
        try {
            Pgbench pgbench = new Pgbench(options.postgres(), options.connections());
            record(pgbench.run(options.warmup(), options.duration(), cpu));
        } catch (Command.Failure e) {
            log("pgbench not measured (" + e.getMessage() + "): the report gives no shares of it");
        }
    }

    private void pgbenchGenerate() throws InterruptedException {
        settle();
        log("pgbench-generate: the service's schema rebuilt, then " + options.warmup() + " s warm-up, "
                + options.duration() + " s measured, " + options.connections() + " clients");
        try {
            Pgbench pgbench = new Pgbench(options.postgres(), options.connections());
            record(pgbench.runGenerate(options.warmup(), options.duration(), cpu));
        } catch (Command.Failure e) {
            log("pgbench-generate not measured (" + e.getMessage() + ")");
        }
    }

    /** The same body as noop's, so that both yardsticks read and discard as many bytes. */
    private byte[] nginxRequest() {
        return Requests.post(nginx, "/", yardstickForm);
    }

    private void generate(String target, String segment, int[] owners) throws InterruptedException {
        String prefix = uuidPrefix + segment;
        GenerateWorkload workload = new GenerateWorkload(payloads.generate(target, prefix, owners), prefix, owners);
        record(measure(Plan.of(target, options.warmup(), options.duration()), workload).get(0));
        bank.deposit(workload.issued());
    }

    /**
     * Right codes: every code the bank holds that lives through the phase, after a code supply if it
     * holds fewer than verify's expected rate needs; those never sent go back.
     */
    private void verify() throws InterruptedException {
        supplyCodes("verify", payloadCount(verifyRate() * HEADROOM), false);
        List<Issued> codes = bank.forRightCodes(MAX_PAYLOADS, phaseEnd());
        VerifyWorkload workload = new VerifyWorkload(payloads.verify("verify", codes), true);
        record(measure(Plan.of("verify", options.warmup(), options.duration()), workload).get(0));
        bank.deposit(codes.subList(workload.sent(), codes.size()));
    }

    /**
     * Wrong codes, {@value VerifyWorkload#WRONG_TRIES} per code at most, for as many codes as verify's rate
     * suggests (after a code supply if the bank holds fewer untried ones); the codes then go back to the
     * bank as tried (they still verify with the right code), or untried if none of their requests was sent.
     */
    private void verifyWrong() throws InterruptedException {
        int wanted = payloadCount(verifyRate() * HEADROOM) / VerifyWorkload.WRONG_TRIES + 1;
        supplyCodes("verify-wrong", wanted, true);
        List<Issued> codes = bank.forWrongCodes(wanted, phaseEnd());
        int[] owners = Rounds.order(i -> VerifyWorkload.WRONG_TRIES, codes.size(), roundBlock());
        VerifyWorkload workload = new VerifyWorkload(payloads.wrongCodes("verify-wrong", codes, owners), false);
        record(measure(Plan.of("verify-wrong", options.warmup(), options.duration()), workload).get(0));
        boolean[] tried = new boolean[codes.size()];
        for (int i = 0; i < workload.sent(); i++) {
            tried[owners[i]] = true;
        }
        List<Issued> back = new ArrayList<>();
        for (int c = 0; c < codes.size(); c++) {
            back.add(tried[c] ? codes.get(c).asTried() : codes.get(c));
        }
        bank.deposit(back);
    }

    /** Generate, then verify, each at the rate share of its closed-loop maximum. */
    private void fixedRate() throws InterruptedException {
        double generateRate = results.get("generate").perSecond() * options.rateShare();
        double verifyRate = results.get("verify").perSecond() * options.rateShare();
        if (generateRate > 0) {
            int count = (int) Math.min(MAX_PAYLOADS, Math.ceil(generateRate * phaseSeconds()) + options.connections());
            int[] owners = fresh(count);
            String prefix = uuidPrefix + "fix-";
            GenerateWorkload workload = new GenerateWorkload(
                    payloads.generate(Report.FIXED_GENERATE, prefix, owners), prefix, owners);
            record(atRate(Report.FIXED_GENERATE, workload, generateRate));
            bank.deposit(workload.issued());
        } else {
            log(Report.FIXED_GENERATE + ": not run, generate measured no rate to take a share of");
        }
        if (verifyRate > 0) {
            int count = (int) Math.min(MAX_PAYLOADS, Math.ceil(verifyRate * phaseSeconds()) + options.connections());
            supplyCodes(Report.FIXED_VERIFY, count, false);
            List<Issued> codes = bank.forRightCodes(count, phaseEnd());
            record(atRate(Report.FIXED_VERIFY, new VerifyWorkload(payloads.verify(Report.FIXED_VERIFY, codes), true),
                    verifyRate));
        } else {
            log(Report.FIXED_VERIFY + ": not run, verify measured no rate to take a share of");
        }
    }

    /**
     * Makes sure the bank holds {@code needed} codes (untried ones if {@code untried}) that live through a
     * phase starting now: if it holds fewer, an unmeasured, unreported closed loop of template generates
     * for fresh uuids (the generate target's requests) fills it, with one log line for what it added.
     * Codes that would expire before the target's phase ends, the supply's time included, do not count.
     */
    private void supplyCodes(String target, int needed, boolean untried) throws InterruptedException {
        if (codesHeld(untried, phaseEnd()) >= needed) {
            return;
        }
        long start = System.nanoTime();
        double rate = generateRate();
        int added = 0;
        int held = 0;
        for (int pass = 0; pass < SUPPLY_PASSES; pass++) {
            held = codesHeld(untried, phaseEnd());
            if (held >= needed) {
                break;
            }
            // The codes held must outlive the supply too, which takes about deficit / rate.
            long supplyNanos = (long) ((needed - held) / rate * 1e9);
            held = codesHeld(untried, phaseEnd() + supplyNanos);
            int count = (int) Math.min(MAX_PAYLOADS, (long) needed - held + options.connections());
            int[] owners = fresh(count);
            String prefix = uuidPrefix + "sup" + supplies++ + "-";
            GenerateWorkload workload = new GenerateWorkload(payloads.generate(prefix, owners), prefix, owners);
            int seconds = (int) Math.ceil(count / rate * SUPPLY_SLACK) + 30;
            new LoadPhase(() -> new HttpConnection(server), options.connections(), cpu)
                    .closedLoop(Plan.of("code supply", 0, seconds), workload);
            List<Issued> issued = workload.issued();
            bank.deposit(issued);
            added += issued.size();
            if (issued.isEmpty()) {
                break; // the server issues no codes: the target will show it
            }
        }
        held = codesHeld(untried, phaseEnd());
        log(String.format("%s: code supply added %d codes in %.1f s (%d %scodes held, %d needed)", target, added,
                (System.nanoTime() - start) / 1e9, held, untried ? "untried " : "", needed));
    }

    private int codesHeld(boolean untried, long usedUntil) {
        return untried ? bank.wrongCodes(usedUntil) : bank.rightCodes(usedUntil);
    }

    /**
     * The best estimate of verify's closed-loop rate: verify's own once measured, else the faster of the
     * generate targets' (verify has measured close to them), else the bound on generate's.
     */
    private double verifyRate() {
        double measured = measuredRate("verify");
        if (measured > 0) {
            return measured;
        }
        measured = Math.max(measuredRate("generate"), measuredRate("generate-repeat"));
        return measured > 0 ? measured : generateBound();
    }

    /** The best estimate of the code supply's rate: generate's closed-loop rate, or the bound on it. */
    private double generateRate() {
        for (String target : List.of("generate", Report.FIRST_MINUTE_WARM, "generate-repeat")) {
            double measured = measuredRate(target);
            if (measured > 0) {
                return measured;
            }
        }
        return generateBound();
    }

    private double measuredRate(String target) {
        Result result = results.get(target);
        return result == null ? 0 : result.perSecond();
    }

    private Result atRate(String target, Workload workload, double perSecond) throws InterruptedException {
        settle();
        log(String.format("%s: %.1f req/s for %d s warm-up and %d s measured, %d connections", target, perSecond,
                options.warmup(), options.duration(), options.connections()));
        Result result = new LoadPhase(() -> new HttpConnection(server), options.connections(), cpu)
                .fixedRate(Plan.of(target, options.warmup(), options.duration()), workload, perSecond).get(0);
        logResult(result);
        return result.withNote(String.format("scheduled at %.1f req/s (%s of the closed-loop rate)", perSecond,
                options.rateShare()));
    }

    private List<Result> measure(Plan plan, Workload workload) throws InterruptedException {
        return measure(new LoadPhase(() -> new HttpConnection(server), options.connections(), cpu), plan, workload);
    }

    private List<Result> measure(LoadPhase phase, Plan plan, Workload workload) throws InterruptedException {
        settle();
        log(plan.windows().get(0).target() + ": closed loop, " + plan.seconds() + " s in all (" + plan.windows().size()
                + " measured window" + (plan.windows().size() > 1 ? "s" : "") + "), " + options.connections()
                + " connections");
        List<Result> measured = phase.closedLoop(plan, workload);
        measured.forEach(Benchmark::logResult);
        return measured;
    }

    private void record(Result result) {
        results.put(result.target(), result);
    }

    /** Finds the server's processes now: after a restart (first-minute) they are new. */
    private void meterCpu() throws InterruptedException {
        List<Long> pids = options.serverPids().isEmpty() ? ServerProcesses.listeningOn(options.serverPorts())
                : options.serverPids();
        cpu = CpuMeter.of(pids);
        log("CPU: " + cpu.describe() + (pids.isEmpty() ? " (no java process listens on port "
                + options.serverPorts().stream().map(String::valueOf).collect(Collectors.joining(","))
                + "; --server-pid names it)" : ""));
    }

    /**
     * An upper bound on generate's rate: each generate commits at least pgbench's one transaction, and
     * does all noop does.
     */
    private double generateBound() {
        double bound = Double.POSITIVE_INFINITY;
        for (String yardstick : List.of("pgbench", "noop")) {
            Result r = results.get(yardstick);
            if (r != null && r.perSecond() > 0) {
                bound = Math.min(bound, r.perSecond());
            }
        }
        return Double.isInfinite(bound) ? DEFAULT_RATE : bound;
    }

    /** One request for each of {@code count} uuids. */
    private static int[] fresh(int count) {
        return IntStream.range(0, count).toArray();
    }

    /** Uuids per block of {@link Rounds}: a block's smallest round is then four times the connections. */
    private int roundBlock() {
        return 16 * options.connections();
    }

    private int payloadCount(double perSecond) {
        return payloadCount(perSecond, phaseSeconds());
    }

    /** Enough for {@code perSecond} over {@code seconds}; too few only shortens the window, which the report says. */
    private int payloadCount(double perSecond, int seconds) {
        if (options.payloads() > 0) {
            return options.payloads();
        }
        long count = (long) Math.ceil(perSecond * seconds) + options.connections();
        return (int) Math.min(MAX_PAYLOADS, Math.max(MIN_PAYLOADS, count));
    }

    private int phaseSeconds() {
        return options.warmup() + options.duration();
    }

    /** When a phase starting now ends, with a few seconds for preparing and settling: codes must live till then. */
    private long phaseEnd() {
        return System.nanoTime() + Duration.ofSeconds(phaseSeconds() + 10).toNanos();
    }

    /**
     * Collects the driver's garbage from preparing payloads and gives the server a second to finish
     * what the previous target left (connections closing, a flush), so neither lands in the next window.
     */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(1_000);
    }

    private static void logResult(Result r) {
        Latency l = r.latency();
        double warm = r.throughput().lastWarmupRate();
        log(String.format("%s: %.1f req/s (last 10 s of warm-up %s), p50 %s ms, p99 %s ms, %d errors", r.target(),
                r.perSecond(), Double.isNaN(warm) ? "n/a" : String.format("%.1f", warm),
                l == null ? "-" : String.format("%.2f", l.p50()), l == null ? "-" : String.format("%.2f", l.p99()),
                r.errorCount() + r.warmupErrorCount()));
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
