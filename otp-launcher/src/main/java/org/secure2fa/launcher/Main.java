package org.secure2fa.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code start} or {@code stop} the Secure 2FA server of a checkout, or {@code cluster-start} and
 * {@code cluster-stop} several nodes behind nginx (used by {@code bin/secure2fa}).
 * Everything lives under {@code .run/} of the checkout, so data survives {@code mvn clean}. The server
 * is Payara unless OTP_SERVER (or {@code --server}) says {@code wildfly}; {@code stop} stops whichever
 * runs.
 */
public final class Main {

    private static final Pattern DEMO_KEYS = Pattern.compile("public_key=([0-9a-f]{32}) secret_key=(\\S{32})");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Main start|stop <checkout dir> [payara|wildfly]");
            System.exit(2);
        }
        Path checkout = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "start" -> {
                Cluster cluster = existingCluster(checkout);
                if (cluster != null) {
                    cluster.stop();
                }
                for (AppServer running : servers(checkout)) {
                    if (running.isRunning()) {
                        System.out.println("Stopping the running " + running.kind().name().toLowerCase() + " server first.");
                        running.stop();
                    }
                }
                AppServer.Kind kind = AppServer.Kind.of(args.length > 2 ? args[2] : System.getenv("OTP_SERVER"));
                AppServer server = AppServer.create(kind, checkout, checkout.resolve(".run"), 0);
                start(server.withEnvironment(System.getenv()), checkout);
            }
            case "cluster-start" -> {
                int size = Integer.parseInt(args.length > 2 ? args[2] : "2");
                stopSingle(checkout);
                Cluster running = existingCluster(checkout);
                if (running != null) {
                    running.stop();
                }
                Cluster cluster = new Cluster(checkout, checkout.resolve(".run/cluster"), size, 0)
                        .withEnvironment(System.getenv());
                Files.createDirectories(checkout.resolve(".run/cluster"));
                Files.writeString(checkout.resolve(".run/cluster/size"), Integer.toString(size));
                Path firstLog = cluster.node(1).serverLog();
                long logOffset = Files.exists(firstLog) ? Files.size(firstLog) : 0;
                try {
                    cluster.start(Database.fromEnvironment(System.getenv()), checkout.resolve("otp-ear/target/secure2fa.ear"));
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                }
                System.out.println();
                System.out.println("Secure 2FA is running on " + size + " Payara Server nodes behind nginx at " + cluster.baseUrl());
                for (int n = 1; n <= size; n++) {
                    System.out.println("  Node " + n + ": " + cluster.node(n).baseUrl() + "  (log " + cluster.node(n).serverLog() + ")");
                }
                System.out.println("  Master key: " + cluster.masterKeyFile() + " unless OTP_MASTER_KEY(_FILE) was set: back it up");
                printDemoKeys(cluster.node(1), logOffset);
            }
            case "cluster-stop" -> {
                Cluster running = existingCluster(checkout);
                if (running == null) {
                    System.out.println("No cluster.");
                } else {
                    running.stop();
                }
            }
            case "stop" -> {
                boolean stopped = false;
                for (AppServer running : servers(checkout)) {
                    if (running.isRunning()) {
                        running.stop();
                        stopped = true;
                    }
                }
                if (!stopped) {
                    System.out.println("Not running.");
                }
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void stopSingle(Path checkout) throws Exception {
        for (AppServer running : servers(checkout)) {
            if (running.isRunning()) {
                System.out.println("Stopping the single " + running.kind().name().toLowerCase() + " server first.");
                running.stop();
            }
        }
    }

    /** The cluster last started from this checkout, or null. */
    private static Cluster existingCluster(Path checkout) throws Exception {
        Path size = checkout.resolve(".run/cluster/size");
        return Files.exists(size) ? new Cluster(checkout, checkout.resolve(".run/cluster"),
                Integer.parseInt(Files.readString(size).trim()), 0) : null;
    }

    private static List<AppServer> servers(Path checkout) {
        return List.of(AppServer.Kind.values()).stream()
                .map(kind -> AppServer.create(kind, checkout, checkout.resolve(".run"), 0)).toList();
    }

    private static void start(AppServer server, Path checkout) throws Exception {
        server.install();
        long logOffset = Files.exists(server.serverLog()) ? Files.size(server.serverLog()) : 0;
        server.configure(Database.fromEnvironment(System.getenv()));
        server.start();
        try {
            server.deploy(checkout.resolve("otp-ear/target/secure2fa.ear"));
            server.awaitReady(Duration.ofMinutes(3));
        } catch (Exception e) {
            System.err.println("Start failed; see " + server.serverLog());
            throw e;
        }
        System.out.println();
        System.out.println("Secure 2FA is running on " + (server.kind() == AppServer.Kind.WILDFLY ? "WildFly" : "Payara Server")
                + " at " + server.baseUrl());
        System.out.println("  Console: " + server.baseUrl() + "/  (sign-up links go to the dev outbox below"
                + " unless OTP_MAIL_SMTP_HOST is set)");
        System.out.println("  API:     POST " + server.baseUrl() + "/otp/generate, /otp/verify");
        System.out.println("  Health:  " + server.baseUrl() + "/health/ready");
        System.out.println("  Log:     " + server.serverLog());
        System.out.println("  Outbox:  " + server.devOutbox() + " (dev-outbox channel messages, and console mail without OTP_MAIL_SMTP_HOST)");
        printDemoKeys(server, logOffset);
    }

    /** Echoes the demo keys if the server printed them during this start (only on an empty database). */
    private static void printDemoKeys(AppServer server, long logOffset) throws Exception {
        Path log = server.serverLog();
        if (!Files.exists(log)) {
            return;
        }
        String text = Files.readString(log);
        // a log shorter than before the start was rotated by it: read it all
        List<String> lines = text.substring(logOffset > text.length() ? 0 : (int) logOffset).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher matcher = DEMO_KEYS.matcher(lines.get(i));
            if (matcher.find()) {
                System.out.println("  Demo project (created on first start; keep these, they are printed once):");
                System.out.println("    OTP_PUBLIC_KEY=" + matcher.group(1));
                System.out.println("    OTP_SECRET_KEY=" + matcher.group(2));
                return;
            }
        }
    }
}
