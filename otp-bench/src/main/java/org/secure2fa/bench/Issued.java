package org.secure2fa.bench;

/**
 * A code the service issued in this run and that no verify has redeemed yet.
 *
 * @param issuedAt {@link System#nanoTime()} when its answer came in, for its lifetime
 * @param tried    whether the verify-wrong target spent wrong attempts on it: such a code still verifies
 *                 with the right code (at most 4 wrong attempts of 5), but must get no more wrong ones
 */
record Issued(String uuid, int code, long issuedAt, boolean tried) {

    Issued asTried() {
        return new Issued(uuid, code, issuedAt, true);
    }

    String formattedCode() {
        return ResponseBodies.formatCode(code);
    }
}
