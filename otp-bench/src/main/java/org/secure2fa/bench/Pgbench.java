package org.secure2fa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling of one durable transaction: pgbench's single-row UPDATE on the PostgreSQL the server
 * uses, with as many clients as the driver has connections. Every generate and verify commits at
 * least one such transaction, so their rates are reported as shares of this one.
 *
 * <p>Runs in a scratch database of its own, created and initialised ({@code pgbench -i -s 10}, a
 * million rows) the first time; then a warm-up run, discarded but for its rate per second, and the
 * measured run. {@link #runGenerate} runs a generate's own statements the same way, in a database of
 * the service's schema ({@link ServiceSchema}): the database's ceiling for that transaction.
 */
final class Pgbench {

    static final String SCRIPT = """
            \\set aid random(1, 100000 * 10)
            UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
            """;

    /** What a run printed that the report uses. */
    record Figures(long transactions, long failed, double tps, double latencyAverageMillis) {
    }

    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern PROGRESS = Pattern.compile("(?m)^progress: [0-9.]+ s, ([0-9.]+) tps");
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);

    private final Options.Postgres postgres;
    private final int clients;

    Pgbench(Options.Postgres postgres, int clients) {
        this.postgres = postgres;
        this.clients = clients;
    }

    /**
     * Warms up for {@code warmup} seconds, then measures for {@code duration}.
     *
     * @throws Command.Failure when pgbench or PostgreSQL is not there, or a run fails; the message is one line
     */
    Result run(int warmup, int duration, CpuMeter cpu) throws Command.Failure, InterruptedException {
        prepare();
        return measure("pgbench", postgres.database(), SCRIPT, warmup, duration, cpu);
    }

    /**
     * Rebuilds the service's schema in a database of its own, then runs a generate's statements for a
     * fresh user in each transaction ({@link GenerateTransaction}), warm-up and window as {@link #run}.
     */
    Result runGenerate(int warmup, int duration, CpuMeter cpu) throws Command.Failure, InterruptedException {
        ServiceSchema schema = new ServiceSchema(postgres);
        long now = System.currentTimeMillis();
        schema.rebuild(now);
        return measure("pgbench-generate", schema.database(), GenerateTransaction.script(ServiceSchema.PROJECT_ID, now),
                warmup, duration, cpu);
    }

    private Result measure(String target, String database, String transaction, int warmup, int duration,
                           CpuMeter cpu) throws Command.Failure, InterruptedException {
        Path script;
        try {
            script = Files.createTempFile("secure2fa-pgbench-", ".sql");
            Files.writeString(script, transaction);
        } catch (IOException e) {
            throw new Command.Failure("Could not write pgbench's script: " + e.getMessage());
        }
        try {
            double[] warmupRates = warmup > 0 ? progress(bench(database, script, warmup).err()) : new double[0];
            CpuMeter.Sample before = cpu.sample();
            Command measured = bench(database, script, duration);
            CpuMeter.Sample after = cpu.sample();
            Figures figures = parse(measured.out());
            double[] rates = progress(measured.err());
            double[] perSecond = new double[warmupRates.length + rates.length];
            System.arraycopy(warmupRates, 0, perSecond, 0, warmupRates.length);
            System.arraycopy(rates, 0, perSecond, warmupRates.length, rates.length);
            // The server sits idle meanwhile: only PostgreSQL's CPU belongs to these transactions.
            CpuUse use = new CpuUse(Double.NaN, cpu.between(before, after).postgresMillis());
            return new Result(target, figures.transactions(), figures.transactions() / figures.tps(), null,
                    figures.failed() == 0 ? Map.of() : Map.of("failed transactions", figures.failed()), Map.of(),
                    List.of(String.format("latency average %.3f ms (pgbench gives no percentiles without --log)",
                            figures.latencyAverageMillis())),
                    new Throughput(perSecond, warmupRates.length), use);
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // A temporary file left behind in the temporary directory.
            }
        }
    }

    /** Creates the scratch database and pgbench's tables in it, if they are not there yet. */
    private void prepare() throws Command.Failure, InterruptedException {
        String exists = psql("postgres", "SELECT count(*) FROM pg_database WHERE datname = '"
                + postgres.database().replace("'", "''") + "'");
        if (exists.equals("0")) {
            checked(Command.run(List.of("createdb", "-h", postgres.host(), "-p", Integer.toString(postgres.port()),
                    "-U", postgres.user(), postgres.database()), SETUP_TIMEOUT), "createdb");
        }
        if (psql(postgres.database(), "SELECT to_regclass('pgbench_accounts') IS NULL").equals("t")) {
            checked(Command.run(List.of("pgbench", "-h", postgres.host(), "-p", Integer.toString(postgres.port()),
                    "-U", postgres.user(), "-i", "-s", "10", "-q", postgres.database()), SETUP_TIMEOUT), "pgbench -i");
        }
    }

    private String psql(String database, String query) throws Command.Failure, InterruptedException {
        Command psql = Command.run(List.of("psql", "-X", "-h", postgres.host(), "-p", Integer.toString(postgres.port()),
                "-U", postgres.user(), "-d", database, "-tAc", query), SETUP_TIMEOUT);
        if (psql.exit() != 0) {
            throw new Command.Failure("PostgreSQL at " + postgres.host() + ":" + postgres.port() + " as "
                    + postgres.user() + ": " + psql.firstErrorLine());
        }
        return psql.out().trim();
    }

    private Command bench(String database, Path script, int seconds) throws Command.Failure, InterruptedException {
        Command run = Command.run(List.of("pgbench", "-h", postgres.host(), "-p", Integer.toString(postgres.port()),
                "-U", postgres.user(), "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(2, clients)), "-T", Integer.toString(seconds), "-P", "1",
                "-f", script.toString(), database), Duration.ofSeconds(seconds).plus(SETUP_TIMEOUT));
        return checked(run, "pgbench");
    }

    private static Command checked(Command command, String what) throws Command.Failure {
        if (command.exit() != 0) {
            throw new Command.Failure(what + " failed: " + command.firstErrorLine());
        }
        return command;
    }

    /** The figures of a run's standard output. */
    static Figures parse(String output) throws Command.Failure {
        Matcher tps = TPS.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find() || !processed.find() || !latency.find()) {
            throw new Command.Failure("pgbench printed no tps, transaction count or latency average");
        }
        Matcher failed = FAILED.matcher(output);
        double rate = Double.parseDouble(tps.group(1));
        if (!(rate > 0)) {
            throw new Command.Failure("pgbench processed no transaction");
        }
        return new Figures(Long.parseLong(processed.group(1)), failed.find() ? Long.parseLong(failed.group(1)) : 0,
                rate, Double.parseDouble(latency.group(1)));
    }

    /** The rate of each second, from the {@code -P 1} progress lines pgbench prints on standard error. */
    static double[] progress(String errorOutput) {
        List<Double> rates = new ArrayList<>();
        Matcher progress = PROGRESS.matcher(errorOutput);
        while (progress.find()) {
            rates.add(Double.parseDouble(progress.group(1)));
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
