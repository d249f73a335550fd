package org.secure2fa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.crypto.spec.SecretKeySpec;
import org.secure2fa.crypto.PayloadCipher;

/**
 * Measures Secure 2FA's throughput and latency against two yardsticks on the same machine: a static
 * nginx response (what the machine can do at all) and {@code /otp/noop} (what the Payara stack costs
 * before any database work). Then {@code /otp/generate} with template requests, and {@code /otp/verify}
 * redeeming the codes generate returned, each target with its own warm-up and measured window.
 *
 * <p>Every payload is encrypted before its target's clock starts, so that the driver, which shares
 * the CPUs with the server, spends only what writing and reading bytes costs, the same for every
 * target. Exit status: 0 once measured, whatever the figures (it is a measurement, not a test);
 * 1 when a target cannot be reached or refuses the keys; 2 for a bad command line.
 */
public final class Benchmark {

    /** Generate payloads to prepare when noop was not run to size them from. */
    private static final int DEFAULT_PAYLOADS = 150_000;
    /** Headroom over noop's rate: generate is expected to be slower, but noise must not starve it. */
    private static final double PAYLOAD_HEADROOM = 1.5;
    private static final int MAX_PAYLOADS = 2_000_000;
    private static final byte[] VERIFIED = "\"verified\":true".getBytes(StandardCharsets.US_ASCII);

    private final Options options;
    private final Endpoint server;
    private final Endpoint nginx;
    private final Requests requests;
    /** Unique per run, so that no uuid of this run has a send counted against it by an earlier one. */
    private final String uuidPrefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";

    private Benchmark(Options options, SecretKeySpec key) {
        this.options = options;
        this.server = Endpoint.of(options.url());
        this.nginx = Endpoint.of(options.nginxUrl());
        this.requests = new Requests(options.publicKey(), key);
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
        String form = requests.generateForm(uuidPrefix + "noop", false);
        byte[] noopRequest = Requests.post(server, "/otp/noop", form);
        // The same body as noop's, so both yardsticks read and discard as many bytes.
        byte[] nginxRequest = Requests.post(nginx, "/", form);
        Optional<String> unusable = checkServer(noopRequest)
                .or(() -> options.runs("nginx") ? checkNginx(nginxRequest) : Optional.empty());
        if (unusable.isPresent()) {
            System.err.println(unusable.get());
            return 1;
        }

        Map<String, Result> results = new LinkedHashMap<>();
        if (options.runs("nginx")) {
            results.put("nginx", measure(nginx, "nginx", Workload.repeating(nginxRequest)));
        }
        if (options.runs("noop")) {
            results.put("noop", measure(server, "noop", Workload.repeating(noopRequest)));
        }
        if (options.runs("generate")) {
            GenerateWorkload generate = new GenerateWorkload(generateRequests(payloadCount(results.get("noop"))),
                    uuidPrefix);
            results.put("generate", measure(server, "generate", generate));
            if (options.runs("verify")) {
                results.put("verify", measure(server, "verify", verifyWorkload(generate.issued())));
            }
        }
        report.results(results);
        return 0;
    }

    private Result measure(Endpoint endpoint, String target, Workload workload) throws InterruptedException {
        settle();
        log(target + ": " + Report.seconds(options.warmup().toMillis()) + " s warm-up, "
                + Report.seconds(options.duration().toMillis()) + " s measured, "
                + options.connections() + " connections");
        Result result = new LoadPhase(endpoint, options.connections(), options.warmup(), options.duration())
                .run(target, workload);
        log(String.format("%s: %.1f req/s, p50 %.2f ms, p99 %.2f ms, %d errors", target, result.perSecond(),
                result.p50Millis(), result.p99Millis(), result.errorCount() + result.warmupErrorCount()));
        return result;
    }

    /**
     * Enough payloads that generate cannot run out within warm-up and window: noop's rate bounds
     * generate's, as generate does all noop does and more. Too few only shortens the window, which the
     * report says.
     */
    private int payloadCount(Result noop) {
        if (options.payloads() > 0) {
            return options.payloads();
        }
        if (noop == null || noop.requests() == 0) {
            return DEFAULT_PAYLOADS;
        }
        double seconds = (options.warmup().toMillis() + options.duration().toMillis()) / 1000.0;
        long count = (long) Math.ceil(noop.perSecond() * seconds * PAYLOAD_HEADROOM) + options.connections();
        return (int) Math.min(MAX_PAYLOADS, Math.max(1_000, count));
    }

    private byte[][] generateRequests(int count) {
        long start = System.nanoTime();
        byte[][] prepared = IntStream.range(0, count).parallel()
                .mapToObj(i -> Requests.post(server, "/otp/generate", requests.generateForm(uuidPrefix + i, true)))
                .toArray(byte[][]::new);
        log(String.format("generate: %d payloads encrypted in %.1f s", count, (System.nanoTime() - start) / 1e9));
        return prepared;
    }

    private Workload verifyWorkload(List<GenerateWorkload.Issued> issued) {
        long start = System.nanoTime();
        byte[][] prepared = issued.parallelStream()
                .map(i -> Requests.post(server, "/otp/verify", requests.verifyForm(i.uuid(), i.code())))
                .toArray(byte[][]::new);
        log(String.format("verify: %d codes from generate encrypted in %.1f s", prepared.length,
                (System.nanoTime() - start) / 1e9));
        return new Workload.Sequence(prepared) {
            @Override
            public boolean accept(int index, HttpConnection.Response response) {
                return ResponseBodies.contains(response.body(), response.length(), VERIFIED);
            }

            @Override
            public String rejection() {
                return "200 without verified:true";
            }
        };
    }

    /**
     * One noop; and when generate runs, one generate and the verify of its code, so that wrong keys or
     * a project that is not linked show as one clear message rather than a table of errors.
     */
    private Optional<String> checkServer(byte[] noopRequest) {
        try (HttpConnection connection = new HttpConnection(server)) {
            HttpConnection.Response noop = connection.exchange(noopRequest);
            if (noop.status() != 200) {
                return Optional.of("Secure 2FA at " + options.url() + " answered " + describe(noop) + " to /otp/noop.");
            }
            if (!options.runs("generate")) {
                return Optional.empty();
            }
            String uuid = uuidPrefix + "check";
            HttpConnection.Response generate = connection.exchange(
                    Requests.post(server, "/otp/generate", requests.generateForm(uuid, true)));
            int code = generate.status() == 200 ? ResponseBodies.code(generate.body(), generate.length()) : -1;
            if (code < 0) {
                return Optional.of("Secure 2FA answered " + describe(generate) + " to a template generate: are "
                        + "OTP_PUBLIC_KEY and OTP_SECRET_KEY those bin/secure2fa start printed?");
            }
            HttpConnection.Response verify = connection.exchange(
                    Requests.post(server, "/otp/verify", requests.verifyForm(uuid, ResponseBodies.formatCode(code))));
            if (verify.status() != 200) {
                return Optional.of("Secure 2FA answered " + describe(verify) + " to the verify of a code it had just "
                        + "issued.");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Secure 2FA is not reachable at " + options.url() + " (" + e
                    + "): start it with bin/secure2fa start.");
        }
    }

    private Optional<String> checkNginx(byte[] nginxRequest) {
        try (HttpConnection connection = new HttpConnection(nginx)) {
            HttpConnection.Response response = connection.exchange(nginxRequest);
            return response.status() == 200 ? Optional.empty()
                    : Optional.of("nginx at " + options.nginxUrl() + " answered " + describe(response) + ".");
        } catch (IOException e) {
            return Optional.of("nginx is not reachable at " + options.nginxUrl() + " (" + e
                    + "): bin/benchmark starts one, or leave it out with --targets noop,generate,verify.");
        }
    }

    /**
     * Collects the driver's garbage from preparing payloads and gives the server a second to finish
     * what the previous target left (connections closing, a flush), so neither lands in the next window.
     */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(1_000);
    }

    private static String describe(HttpConnection.Response response) {
        String body = new String(response.body(), 0, Math.min(response.length(), 300), StandardCharsets.UTF_8);
        return response.status() + (body.isBlank() ? "" : " " + body);
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
