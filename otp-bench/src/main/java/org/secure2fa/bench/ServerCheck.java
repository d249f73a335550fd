package org.secure2fa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the driver asks the server before measuring: whether it is ready, and whether the keys work, so
 * that wrong keys or a project that is not linked show as one clear message rather than a table of errors.
 */
final class ServerCheck {

    private static final long READY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Endpoint server;
    private final Requests requests;
    private final String uuidPrefix;

    ServerCheck(Endpoint server, Requests requests, String uuidPrefix) {
        this.server = server;
        this.requests = requests;
        this.uuidPrefix = uuidPrefix;
    }

    /**
     * Polls {@code GET /health/ready} every 100 ms until it answers 200; empty once it has, else why not.
     * Each poll opens a connection of its own: a server that is starting refuses them for a while.
     */
    Optional<String> awaitReady(Duration timeout) {
        byte[] request = ("GET " + server.path("/health/ready") + " HTTP/1.1\r\nHost: " + server.hostHeader()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() - deadline < 0) {
            try (HttpConnection connection = new HttpConnection(server)) {
                Connection.Response response = connection.exchange(request);
                if (response.status() == 200) {
                    return Optional.empty();
                }
                last = Integer.toString(response.status());
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            long next = System.nanoTime() + READY_POLL_NANOS;
            while (next - System.nanoTime() > 0) {
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
        return Optional.of("http://" + server.hostHeader() + server.path("/health/ready")
                + " did not answer 200 within " + timeout.toMinutes() + " minutes (last: " + last + ").");
    }

    /** One noop; and with {@code generates}, one generate and the verify of its code. Empty if all is well. */
    Optional<String> problem(boolean generates) {
        try (HttpConnection connection = new HttpConnection(server)) {
            Connection.Response noop = connection.exchange(
                    Requests.post(server, "/otp/noop", requests.generateForm(uuidPrefix + "noop", false)));
            if (noop.status() != 200) {
                return Optional.of("Secure 2FA at " + server + " answered " + describe(noop) + " to /otp/noop.");
            }
            if (!generates) {
                return Optional.empty();
            }
            String uuid = uuidPrefix + "check";
            Connection.Response generate = connection.exchange(
                    Requests.post(server, "/otp/generate", requests.generateForm(uuid, true)));
            int code = generate.status() == 200 ? ResponseBodies.code(generate.body(), generate.length()) : -1;
            if (code < 0) {
                return Optional.of("Secure 2FA answered " + describe(generate) + " to a template generate: are "
                        + "OTP_PUBLIC_KEY and OTP_SECRET_KEY those bin/secure2fa start printed?");
            }
            Connection.Response verify = connection.exchange(
                    Requests.post(server, "/otp/verify", requests.verifyForm(uuid, ResponseBodies.formatCode(code))));
            if (verify.status() != 200) {
                return Optional.of("Secure 2FA answered " + describe(verify) + " to the verify of a code it had just "
                        + "issued.");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Secure 2FA is not reachable at " + server + " (" + e
                    + "): start it with bin/secure2fa start.");
        }
    }

    /** Empty when the static nginx target answers 200 to {@code request}. */
    static Optional<String> nginxProblem(Endpoint nginx, byte[] request) {
        try (HttpConnection connection = new HttpConnection(nginx)) {
            Connection.Response response = connection.exchange(request);
            return response.status() == 200 ? Optional.empty()
                    : Optional.of("nginx at " + nginx + " answered " + describe(response) + ".");
        } catch (IOException e) {
            return Optional.of("nginx is not reachable at " + nginx + " (" + e
                    + "): bin/benchmark starts one when the targets include nginx.");
        }
    }

    private static String describe(Connection.Response response) {
        String body = new String(response.body(), 0, Math.min(response.length(), 300), StandardCharsets.UTF_8);
        return response.status() + (body.isBlank() ? "" : " " + body);
    }
}
