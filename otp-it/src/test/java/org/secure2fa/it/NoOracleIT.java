package org.secure2fa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secure2fa.it.Api.form;
import static org.secure2fa.it.Api.post;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.secure2fa.crypto.PayloadCipher;
import org.secure2fa.it.Api.Reply;
import org.secure2fa.it.Fixtures.TestProject;

/**
 * AES-CBC without a MAC is malleable: whoever captures a payload can flip bits and watch the answers.
 * Nothing they can send may be told apart from a wrong code (status and body), or the answers become
 * a padding or format oracle that decrypts captured payloads.
 */
class NoOracleIT {

    private static final Reply WRONG_CODE = new Reply(401, "{\"verified\":false,\"message\":\"Invalid or expired OTP\"}");
    private static final Reply GENERATE_REJECTED =
            new Reply(401, "{\"success\":false,\"message\":\"Invalid public key or encrypted data.\"}");

    private final TestProject project = Fixtures.project();

    @Test
    void flippingAnySingleBitOfAValidVerifyPayloadLooksLikeAWrongCode() {
        // A short uuid keeps uuid, code and padding in one block: flips in the IV edit each of them
        // (uuid, '#', digits, padding bytes), flips in the block garble all of it.
        int bits = -1;
        for (int bit = 0; bits < 0 || bit < bits; bit++) {
            String uuid = "u" + Integer.toString(bit, 36);
            String code = Api.template(project, uuid, "a@example.com").code();
            byte[] raw = Base64.getDecoder().decode(project.encrypt(uuid + "#" + code));
            bits = raw.length * 8;
            raw[bit / 8] ^= (byte) (1 << (bit % 8));
            Reply reply = post("/otp/verify", form("encrypted_data", Base64.getEncoder().encodeToString(raw),
                    "public_key", project.publicKey()));
            assertEquals(WRONG_CODE, reply, "bit " + bit + " of " + bits);
        }
        assertEquals(256, bits, "IV and one block: every bit was flipped once");
    }

    @Test
    void flippingBitsAcrossALongerPayloadLooksLikeAWrongCode() {
        String uuid = "customer-" + UUID.randomUUID();
        String code = Api.template(project, uuid, "a@example.com").code();
        byte[] valid = Base64.getDecoder().decode(project.encrypt(uuid + "#" + code));
        for (int bit = 0; bit < valid.length * 8; bit += 7) {
            byte[] raw = valid.clone();
            raw[bit / 8] ^= (byte) (1 << (bit % 8));
            Reply reply = post("/otp/verify", form("encrypted_data", Base64.getEncoder().encodeToString(raw),
                    "public_key", project.publicKey()));
            // a flip that lands in the uuid or the code is a wrong code for somebody; after five of those
            // this user's code is burned, and then a wrong code is answered 429 too
            if (reply.status() == 429) {
                assertEquals(Api.verify(project, uuid, Api.wrong(code)), reply, "bit " + bit);
            } else {
                assertEquals(WRONG_CODE, reply, "bit " + bit);
            }
        }
    }

    @Test
    void malformedPayloadsAllGetTheWrongCodeAnswer() {
        String uuid = "user-" + UUID.randomUUID();
        String code = Api.template(project, uuid, "a@example.com").code();
        String valid = project.encrypt(uuid + "#" + code);
        byte[] raw = Base64.getDecoder().decode(valid);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("bad base64", "!!!not-base64!!!");
        variants.put("too short", Base64.getEncoder().encodeToString(new byte[16]));
        variants.put("not a block multiple", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 3)));
        variants.put("truncated by a block", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 16)));
        variants.put("wrong key", PayloadCipher.encrypt(uuid + "#" + code,
                PayloadCipher.keyOf("X".repeat(32)).orElseThrow()));
        variants.put("no hash", project.encrypt(uuid + code));
        variants.put("unknown uuid", project.encrypt("nobody-" + UUID.randomUUID() + "#" + code));
        variants.put("empty uuid", project.encrypt("#" + code));
        variants.put("empty code", project.encrypt(uuid + "#"));
        variants.put("letters for a code", project.encrypt(uuid + "#abcdef"));
        variants.put("random bytes", Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(48)));
        for (var variant : variants.entrySet()) {
            Reply reply = post("/otp/verify", form("encrypted_data", variant.getValue(), "public_key", project.publicKey()));
            assertEquals(WRONG_CODE, reply, variant.getKey());
        }
        Reply unknownKey = post("/otp/verify", form("encrypted_data", valid, "public_key", "f".repeat(32)));
        assertEquals(WRONG_CODE, unknownKey, "unknown public key");
        Reply malformedKey = post("/otp/verify", form("encrypted_data", valid, "public_key", "zz"));
        assertEquals(WRONG_CODE, malformedKey, "malformed public key");
    }

    @Test
    void generateAnswersEveryUndecryptablePayloadAlike() {
        byte[] raw = Base64.getDecoder().decode(project.encrypt("user-1#alice@example.com"));
        for (int bit = raw.length * 8 - 128; bit < raw.length * 8; bit++) {
            byte[] flipped = raw.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            Reply reply = post("/otp/generate", form("encrypted_data", Base64.getEncoder().encodeToString(flipped),
                    "public_key", project.publicKey(), "template_request", "true"));
            // a flip in the last block garbles it: the padding or the address breaks, never a 4xx of its own
            assertEquals(GENERATE_REJECTED, reply, "bit " + bit);
        }
        for (String bad : new String[] {"%%%", Base64.getEncoder().encodeToString(new byte[40]),
                PayloadCipher.encrypt("user-1#alice@example.com", PayloadCipher.keyOf("Y".repeat(32)).orElseThrow())}) {
            assertEquals(GENERATE_REJECTED, post("/otp/generate", form("encrypted_data", bad, "public_key",
                    project.publicKey())));
        }
    }
}
