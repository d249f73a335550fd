package org.secure2fa.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line. Keys and the server's URL may come from the environment (OTP_PUBLIC_KEY,
 * OTP_SECRET_KEY, OTP_BASE_URL) so that they stay out of shell history and process listings.
 *
 * @param targets  in the fixed order of {@link #TARGETS}: generate collects the codes verify redeems,
 *                 and noop's rate sizes generate's payloads
 * @param payloads how many generate payloads to prepare; 0 sizes them from noop's rate
 * @param database a label for the report only: the driver cannot see which database the server uses
 */
record Options(String url, String nginxUrl, String publicKey, String secretKey, int connections, Duration warmup,
               Duration duration, List<String> targets, String database, int payloads) {

    static final List<String> TARGETS = List.of("nginx", "noop", "generate", "verify");

    static final String USAGE = """
            usage: benchmark [options]
              --url URL            Secure 2FA's base URL (default $OTP_BASE_URL or http://localhost:8080)
              --nginx-url URL      the static nginx target (default http://127.0.0.1:8099/)
              --public-key KEY     the project's public key (default $OTP_PUBLIC_KEY)
              --secret-key KEY     the project's secret key (default $OTP_SECRET_KEY)
              --connections N      concurrent keep-alive connections, one thread each (default 32)
              --warmup SECONDS     warm-up per target, not measured (default 5)
              --duration SECONDS   measured window per target (default 15)
              --targets LIST       comma-separated subset of nginx,noop,generate,verify (default all;
                                   verify needs generate)
              --payloads N         generate payloads to prepare (default: sized from noop's rate)
              --db LABEL           the database the server is on, for the report (e.g. "H2 embedded")
            """;

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args, Map<String, String> env) throws UsageException {
        String url = env.getOrDefault("OTP_BASE_URL", "http://localhost:8080");
        String nginxUrl = "http://127.0.0.1:8099/";
        String publicKey = env.get("OTP_PUBLIC_KEY");
        String secretKey = env.get("OTP_SECRET_KEY");
        int connections = 32;
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(15);
        List<String> targets = TARGETS;
        String database = null;
        int payloads = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("Missing value for " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--url" -> url = value;
                case "--nginx-url" -> nginxUrl = value;
                case "--public-key" -> publicKey = value;
                case "--secret-key" -> secretKey = value;
                case "--connections" -> connections = positive(flag, value);
                case "--warmup" -> warmup = seconds(flag, value, true);
                case "--duration" -> duration = seconds(flag, value, false);
                case "--targets" -> targets = targets(value);
                case "--payloads" -> payloads = positive(flag, value);
                case "--db" -> database = value;
                default -> throw new UsageException("Unknown option " + flag);
            }
        }
        if (publicKey == null || publicKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new UsageException("The project's keys are missing: set OTP_PUBLIC_KEY and OTP_SECRET_KEY "
                    + "(or pass --public-key and --secret-key), copied from the output of bin/secure2fa start.");
        }
        try {
            Endpoint.of(url);
            Endpoint.of(nginxUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Options(url, nginxUrl, publicKey.trim(), secretKey.trim(), connections, warmup, duration, targets,
                database, payloads);
    }

    boolean runs(String target) {
        return targets.contains(target);
    }

    private static List<String> targets(String value) throws UsageException {
        List<String> asked = List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String target : asked) {
            if (!TARGETS.contains(target)) {
                throw new UsageException("Unknown target " + target + ": choose among " + String.join(",", TARGETS));
            }
        }
        if (asked.contains("verify") && !asked.contains("generate")) {
            throw new UsageException("The verify target redeems the codes of the generate target: run both");
        }
        List<String> ordered = new ArrayList<>(TARGETS);
        ordered.retainAll(asked);
        if (ordered.isEmpty()) {
            throw new UsageException("No target given");
        }
        return List.copyOf(ordered);
    }

    private static int positive(String flag, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new UsageException(flag + " needs a positive whole number, not " + value);
    }

    private static Duration seconds(String flag, String value, boolean zeroAllowed) throws UsageException {
        try {
            double s = Double.parseDouble(value);
            if (s > 0 || (zeroAllowed && s == 0)) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new UsageException(flag + " needs a number of seconds, not " + value);
    }
}
