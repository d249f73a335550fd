package org.secure2fa.bench;

import java.nio.charset.StandardCharsets;

/**
 * Verify requests, with right codes (a good answer is 200 {@code "verified":true}) or with wrong ones
 * (a good answer is 401 {@code "verified":false}: the service rejecting a wrong code is what that
 * target measures, and a 429 would mean the driver burned a code).
 */
final class VerifyWorkload extends Workload.Sequence {

    /** Wrong attempts per code: the fifth would burn it (docs/api.md, Attempts) and answer 429. */
    static final int WRONG_TRIES = 4;

    private static final byte[] VERIFIED = "\"verified\":true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REJECTED = "\"verified\":false".getBytes(StandardCharsets.US_ASCII);

    private final boolean rightCodes;

    VerifyWorkload(byte[][] requests, boolean rightCodes) {
        super(requests);
        this.rightCodes = rightCodes;
    }

    /** The {@code attempt}th wrong code (from 1) for {@code code}: never the code itself. */
    static int wrongCode(int code, int attempt) {
        return (code + attempt) % 1_000_000;
    }

    @Override
    public int expectedStatus() {
        return rightCodes ? 200 : 401;
    }

    @Override
    public boolean accept(int index, Connection.Response response) {
        return ResponseBodies.contains(response.body(), response.length(), rightCodes ? VERIFIED : REJECTED);
    }

    @Override
    public String rejection() {
        return rightCodes ? "200 without verified:true" : "401 without verified:false";
    }
}
