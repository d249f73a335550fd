package org.secure2fa.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Generate requests with template_request=true, a fresh uuid each (the service allows five sends per
 * uuid in ten minutes), keeping the code each 200 answer carries so that the verify target can
 * redeem it.
 */
final class GenerateWorkload extends Workload.Sequence {

    /** A code the service issued, not yet verified. */
    record Issued(String uuid, String code) {
    }

    private final String uuidPrefix;
    private final int[] codes;

    /** @param uuidPrefix request {@code i} is for uuid {@code uuidPrefix + i} */
    GenerateWorkload(byte[][] requests, String uuidPrefix) {
        super(requests);
        this.uuidPrefix = uuidPrefix;
        this.codes = new int[requests.length];
        Arrays.fill(codes, -1);
    }

    @Override
    public boolean accept(int index, HttpConnection.Response response) {
        int code = ResponseBodies.code(response.body(), response.length());
        codes[index] = code;
        return code >= 0;
    }

    @Override
    public String rejection() {
        return "200 without a code";
    }

    /**
     * Every code received, warm-up included: each is valid for minutes, longer than the run. Call once
     * the load threads are joined, which makes their writes to {@code codes} visible here.
     */
    List<Issued> issued() {
        List<Issued> issued = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0) {
                issued.add(new Issued(uuidPrefix + i, ResponseBodies.formatCode(codes[i])));
            }
        }
        return issued;
    }
}
