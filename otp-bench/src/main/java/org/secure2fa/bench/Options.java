package org.secure2fa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line. Keys and the server's URL may come from the environment (OTP_PUBLIC_KEY,
 * OTP_SECRET_KEY, OTP_BASE_URL) so that they stay out of shell history and process listings;
 * PostgreSQL's password, if it needs one, from PGPASSWORD, which pgbench and psql read themselves.
 *
 * @param warmup      seconds of warm-up per target; whole seconds, so that the throughput recorded per
 *                    second lines up with the start of the measured window
 * @param targets     in the fixed order of {@link #TARGETS}: codes are issued before they are verified, and
 *                    the closed-loop rates come before the fixed rate derived from them
 * @param payloads    how many generate payloads to prepare; 0 sizes them from the rates measured before
 * @param rateShare   the fixed-rate target's rate as a share of the closed-loop maximum
 * @param database    a label for the report only: the driver cannot see which database the server uses
 * @param serverPids  the server's processes for its CPU time; empty: the java processes listening on
 *                    {@code serverPorts}
 * @param serverPorts where the server listens, to find its processes (default: the URL's port)
 */
record Options(String url, String nginxUrl, String publicKey, String secretKey, int connections, int warmup,
               int duration, List<String> targets, String database, int payloads, double rateShare,
               Postgres postgres, List<Long> serverPids, List<Integer> serverPorts) {

    /** Where pgbench runs: the PostgreSQL the server uses, in a scratch database of its own. */
    record Postgres(String host, int port, String user, String database) {
    }

    static final List<String> TARGETS = List.of("first-minute", "pgbench", "pgbench-generate", "nginx", "noop", "generate",
            "generate-repeat", "verify", "verify-wrong", "fixed-rate");
    static final List<String> DEFAULT_TARGETS = List.of("pgbench", "pgbench-generate", "generate", "generate-repeat", "verify",
            "verify-wrong", "fixed-rate");

    static final String USAGE = """
            usage: benchmark [options]
              --url URL              Secure 2FA's base URL (default $OTP_BASE_URL or http://localhost:8080)
              --public-key KEY       the project's public key (default $OTP_PUBLIC_KEY)
              --secret-key KEY       the project's secret key (default $OTP_SECRET_KEY)
              --connections N        concurrent keep-alive connections, one thread each; pgbench gets as
                                     many clients (default 32)
              --warmup SECONDS       warm-up per target, not measured; the report sets its last 10 s next to
                                     the window (default 60)
              --duration SECONDS     measured window per target (default 30)
              --targets LIST         comma-separated, run in this order (default
                                     pgbench,pgbench-generate,generate,generate-repeat,verify,
                                     verify-wrong,fixed-rate):
                first-minute         wait for GET /health/ready to answer 200 (polled every 100 ms, up to 10
                                     minutes), then generate at once for 60 s, then warm up and measure
                                     generate: the first minute's rate as a share of the warm one
                pgbench              pgbench's single-row UPDATE on the same PostgreSQL: the ceiling of one
                                     durable transaction, which every share is taken of
                pgbench-generate     a generate's own two statements (fresh users) through pgbench, in a
                                     database of the service's schema (--pg-database with _service after
                                     it, rebuilt by the service's migrations at every run): what the
                                     database alone commits of generates, without the server beside it
                nginx                a static nginx response (--nginx-url), the machine's HTTP ceiling
                noop                 POST /otp/noop, the server's stack without the database
                generate             template generates, a fresh uuid each
                generate-repeat      template generates, 2 to 5 for each uuid
                verify               verifies of right codes issued by the targets before
                verify-wrong         verifies of wrong codes, at most 4 per code: 401 is the right answer
                fixed-rate           generate, then verify, each at --rate-share of its closed-loop rate, with
                                     latency counted from when each request was due (needs generate, verify)
              --rate-share SHARE     the fixed rate as a share of the closed-loop rate (default 0.5)
              --payloads N           generate payloads to prepare (default: sized from pgbench's or noop's rate)
              --db LABEL             the database the server is on, for the report (e.g. "PostgreSQL 15")
              --pg-host HOST         PostgreSQL for pgbench (default 127.0.0.1); password from $PGPASSWORD
              --pg-port PORT         (default 5432)
              --pg-user USER         (default postgres)
              --pg-database NAME     scratch database for pgbench, created and initialised if missing
                                     (default secure2fa_pgbench)
              --server-pid PID,...   the server's processes, for its CPU time per request (default: the java
                                     processes listening on --server-port)
              --server-port PORT,... where the server's processes listen (default: the URL's port)
              --nginx-url URL        the static nginx target (default http://127.0.0.1:8099/)
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
        int warmup = 60;
        int duration = 30;
        List<String> targets = DEFAULT_TARGETS;
        String database = null;
        int payloads = 0;
        double rateShare = 0.5;
        String pgHost = "127.0.0.1";
        int pgPort = 5432;
        String pgUser = "postgres";
        String pgDatabase = "secure2fa_pgbench";
        List<Long> serverPids = List.of();
        List<Integer> serverPorts = null;
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
                case "--connections" -> connections = whole(flag, value, 1);
                case "--warmup" -> warmup = whole(flag, value, 0);
                case "--duration" -> duration = whole(flag, value, 1);
                case "--targets" -> targets = targets(value);
                case "--payloads" -> payloads = whole(flag, value, 1);
                case "--rate-share" -> rateShare = share(flag, value);
                case "--db" -> database = value;
                case "--pg-host" -> pgHost = value;
                case "--pg-port" -> pgPort = port(flag, value);
                case "--pg-user" -> pgUser = value;
                case "--pg-database" -> pgDatabase = value;
                case "--server-pid" -> serverPids = pids(flag, value);
                case "--server-port" -> serverPorts = ports(flag, value);
                default -> throw new UsageException("Unknown option " + flag);
            }
        }
        if (publicKey == null || publicKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new UsageException("The project's keys are missing: set OTP_PUBLIC_KEY and OTP_SECRET_KEY "
                    + "(or pass --public-key and --secret-key), copied from the output of bin/secure2fa start.");
        }
        Endpoint server;
        try {
            server = Endpoint.of(url);
            Endpoint.of(nginxUrl);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Options(url, nginxUrl, publicKey.trim(), secretKey.trim(), connections, warmup, duration, targets,
                database, payloads, rateShare, new Postgres(pgHost, pgPort, pgUser, pgDatabase), serverPids,
                serverPorts == null ? List.of(server.port()) : serverPorts);
    }

    boolean runs(String target) {
        return targets.contains(target);
    }

    private static List<String> targets(String value) throws UsageException {
        List<String> asked = list(value);
        for (String target : asked) {
            if (!TARGETS.contains(target)) {
                throw new UsageException("Unknown target " + target + ": choose among " + String.join(",", TARGETS));
            }
        }
        boolean issues = asked.contains("generate") || asked.contains("generate-repeat")
                || asked.contains("first-minute");
        for (String verify : List.of("verify", "verify-wrong")) {
            if (asked.contains(verify) && !issues) {
                throw new UsageException("The " + verify + " target uses codes issued in the same run: add generate "
                        + "or generate-repeat");
            }
        }
        if (asked.contains("fixed-rate") && !(asked.contains("generate") && asked.contains("verify"))) {
            throw new UsageException("The fixed-rate target runs at a share of generate's and verify's closed-loop "
                    + "rates: add generate and verify");
        }
        List<String> ordered = new ArrayList<>(TARGETS);
        ordered.retainAll(asked);
        if (ordered.isEmpty()) {
            throw new UsageException("No target given");
        }
        return List.copyOf(ordered);
    }

    private static List<String> list(String value) {
        return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int whole(String flag, String value, int min) throws UsageException {
        return (int) whole(flag, value, min, Integer.MAX_VALUE);
    }

    private static long whole(String flag, String value, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        String range = max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? "of at least " + min
                : "from " + min + " to " + max;
        throw new UsageException(flag + " needs a whole number " + range + ", not " + value);
    }

    private static double share(String flag, String value) throws UsageException {
        try {
            double share = Double.parseDouble(value);
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new UsageException(flag + " needs a share above 0 and at most 1, such as 0.5, not " + value);
    }

    private static int port(String flag, String value) throws UsageException {
        return (int) whole(flag, value, 1, 65_535);
    }

    private static List<Integer> ports(String flag, String value) throws UsageException {
        List<Integer> ports = new ArrayList<>();
        for (String port : list(value)) {
            ports.add(port(flag, port));
        }
        return nonEmpty(flag, ports);
    }

    private static List<Long> pids(String flag, String value) throws UsageException {
        List<Long> pids = new ArrayList<>();
        for (String pid : list(value)) {
            pids.add(whole(flag, pid, 1, Long.MAX_VALUE));
        }
        return nonEmpty(flag, pids);
    }

    private static <T> List<T> nonEmpty(String flag, List<T> values) throws UsageException {
        if (values.isEmpty()) {
            throw new UsageException(flag + " needs at least one value");
        }
        return List.copyOf(values);
    }
}
