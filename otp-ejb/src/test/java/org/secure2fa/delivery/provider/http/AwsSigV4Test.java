package org.secure2fa.delivery.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSigV4Test {

    /** The "GET Object" example of AWS's Signature Version 4 documentation (Amazon S3 API reference). */
    @Test
    void matchesAwsDocumentedExample() {
        String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        String authorization = AwsSigV4.authorization("GET", "/test.txt", "",
                Map.of("Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9",
                        "x-amz-content-sha256", emptyHash, "x-amz-date", "20130524T000000Z"),
                emptyHash, "20130524T000000Z", "us-east-1", "s3",
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization);
        assertEquals(emptyHash, AwsSigV4.sha256Hex(""));
    }
}
