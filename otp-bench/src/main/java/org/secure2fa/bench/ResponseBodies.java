package org.secure2fa.bench;

import java.nio.charset.StandardCharsets;

/** Reads what the benchmark needs out of JSON bodies as raw bytes, without a parser or any allocation. */
final class ResponseBodies {

    private static final byte[] BODY_FIELD = "\"body\"".getBytes(StandardCharsets.US_ASCII);
    private static final int CODE_DIGITS = 6;

    private ResponseBodies() {
    }

    /**
     * The code in a template response's {@code body} field: its only run of exactly six digits (the
     * "10" of "expires in 10 minutes" is too short to be mistaken for it). -1 if there is none.
     */
    static int code(byte[] body, int length) {
        int field = indexOf(body, length, BODY_FIELD);
        if (field < 0) {
            return -1;
        }
        int run = 0;
        for (int i = field + BODY_FIELD.length; i <= length; i++) {
            if (i < length && body[i] >= '0' && body[i] <= '9') {
                run++;
                continue;
            }
            if (run == CODE_DIGITS) {
                int code = 0;
                for (int j = i - CODE_DIGITS; j < i; j++) {
                    code = code * 10 + (body[j] - '0');
                }
                return code;
            }
            run = 0;
        }
        return -1;
    }

    static String formatCode(int code) {
        return String.format("%0" + CODE_DIGITS + "d", code);
    }

    static boolean contains(byte[] body, int length, byte[] needle) {
        return indexOf(body, length, needle) >= 0;
    }

    private static int indexOf(byte[] body, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
