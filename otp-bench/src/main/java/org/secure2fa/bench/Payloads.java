package org.secure2fa.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Requests encrypted before a target's clock starts, in parallel: the driver shares the CPUs with the
 * server, so while the clock runs it must spend only what writing and reading bytes costs, the same for
 * every target.
 */
final class Payloads {

    private final Endpoint server;
    private final Requests requests;

    Payloads(Endpoint server, Requests requests) {
        this.server = server;
        this.requests = requests;
    }

    /** A template generate for uuid {@code uuidPrefix + owners[i]} as request {@code i}. */
    byte[][] generate(String target, String uuidPrefix, int[] owners) {
        long start = System.nanoTime();
        byte[][] prepared = generate(uuidPrefix, owners);
        log(target, prepared.length + " generate payloads for " + Rounds.uuids(owners) + " uuids", start);
        return prepared;
    }

    /** The same, without logging: for the code supply, which its caller logs in one line. */
    byte[][] generate(String uuidPrefix, int[] owners) {
        return IntStream.range(0, owners.length).parallel()
                .mapToObj(i -> Requests.post(server, "/otp/generate",
                        requests.generateForm(uuidPrefix + owners[i], true)))
                .toArray(byte[][]::new);
    }

    /** The verify of each code with the right code. */
    byte[][] verify(String target, List<Issued> codes) {
        long start = System.nanoTime();
        byte[][] prepared = codes.parallelStream()
                .map(c -> Requests.post(server, "/otp/verify", requests.verifyForm(c.uuid(), c.formattedCode())))
                .toArray(byte[][]::new);
        log(target, prepared.length + " verify payloads", start);
        return prepared;
    }

    /**
     * Verifies of wrong codes: request {@code i} is for {@code codes.get(owners[i])}, its n-th request the
     * n-th wrong code for it ({@link VerifyWorkload#wrongCode}).
     */
    byte[][] wrongCodes(String target, List<Issued> codes, int[] owners) {
        long start = System.nanoTime();
        int[] attempt = new int[codes.size()];
        int[] attempts = new int[owners.length];
        for (int i = 0; i < owners.length; i++) {
            attempts[i] = ++attempt[owners[i]];
        }
        byte[][] prepared = IntStream.range(0, owners.length).parallel()
                .mapToObj(i -> {
                    Issued code = codes.get(owners[i]);
                    String wrong = ResponseBodies.formatCode(VerifyWorkload.wrongCode(code.code(), attempts[i]));
                    return Requests.post(server, "/otp/verify", requests.verifyForm(code.uuid(), wrong));
                })
                .toArray(byte[][]::new);
        log(target, prepared.length + " wrong-code payloads for " + codes.size() + " codes", start);
        return prepared;
    }

    private static void log(String target, String what, long start) {
        Benchmark.log(String.format("%s: %s encrypted in %.1f s", target, what, (System.nanoTime() - start) / 1e9));
    }
}
