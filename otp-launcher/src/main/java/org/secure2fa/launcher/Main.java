package org.secure2fa.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code start} or {@code stop} the Secure 2FA server of a checkout (used by {@code bin/secure2fa}).
 * Everything lives under {@code .run/} of the checkout, so data survives {@code mvn clean}.
 */
public final class Main {

    private static final Pattern DEMO_KEYS = Pattern.compile("public_key=([0-9a-f]{32}) secret_key=(\\S{32})");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Main start|stop <checkout dir>");
            System.exit(2);
        }
        Path checkout = Path.of(args[1]).toAbsolutePath();
        PayaraServer server = new PayaraServer(checkout.resolve(".run"), 0).withEnvironment(System.getenv());
        switch (args[0]) {
            case "start" -> start(server, checkout);
            case "stop" -> {
                if (server.isRunning()) {
                    server.stop();
                } else {
                    System.out.println("Not running.");
                }
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void start(PayaraServer server, Path checkout) throws Exception {
        if (server.isRunning()) {
            System.out.println("Stopping the running server first.");
            server.stop();
        }
        server.install();
        long logOffset = Files.exists(server.serverLog()) ? Files.size(server.serverLog()) : 0;
        server.configure(checkout.resolve("domain.xml"),
                PayaraServer.Database.fromEnvironment(System.getenv()));
        server.start();
        try {
            server.deploy(checkout.resolve("otp-ear/target/secure2fa.ear"));
            server.awaitReady(Duration.ofMinutes(3));
        } catch (Exception e) {
            System.err.println("Start failed; see " + server.serverLog());
            throw e;
        }
        System.out.println();
        System.out.println("Secure 2FA is running at " + server.baseUrl());
        System.out.println("  Console: " + server.baseUrl() + "/  (sign-up links go to the dev outbox below"
                + " unless OTP_MAIL_SMTP_HOST is set)");
        System.out.println("  API:     POST " + server.baseUrl() + "/otp/generate, /otp/verify");
        System.out.println("  Health:  " + server.baseUrl() + "/health/ready");
        System.out.println("  Log:     " + server.serverLog());
        System.out.println("  Outbox:  " + server.domainDir().resolve("dev-outbox") + " (dev-outbox channel messages, and console mail without OTP_MAIL_SMTP_HOST)");
        printDemoKeys(server, logOffset);
    }

    /** Echoes the demo keys if the server printed them during this start (only on an empty database). */
    private static void printDemoKeys(PayaraServer server, long logOffset) throws Exception {
        Path log = server.serverLog();
        if (!Files.exists(log)) {
            return;
        }
        String text = Files.readString(log);
        List<String> lines = text.substring((int) Math.min(logOffset, text.length())).lines().toList();
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
