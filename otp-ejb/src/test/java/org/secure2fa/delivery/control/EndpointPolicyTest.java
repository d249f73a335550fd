package org.secure2fa.delivery.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secure2fa.platform.boundary.InvalidInputException;

class EndpointPolicyTest {

    private static String refused(Map<String, String> settings) {
        return assertThrows(InvalidInputException.class, () -> EndpointPolicy.check(settings, false)).getField();
    }

    @Test
    void internalAddressesAreRefusedUnlessTheOperatorAllowsThem() {
        assertEquals("base_url", refused(Map.of("base_url", "https://169.254.169.254/latest")));
        assertEquals("base_url", refused(Map.of("base_url", "https://127.0.0.1:4848")));
        assertEquals("base_url", refused(Map.of("base_url", "https://[::1]/")));
        assertEquals("base_url", refused(Map.of("base_url", "https://localhost/")));
        assertEquals("host", refused(Map.of("host", "10.0.0.5")));
        assertEquals("host", refused(Map.of("host", "192.168.1.1")));
        assertEquals("host", refused(Map.of("host", "172.16.0.1")));
        assertDoesNotThrow(() -> EndpointPolicy.check(Map.of("host", "127.0.0.1", "base_url", "http://localhost:8080"), true));
    }

    @Test
    void anApiBaseUrlMustBeHttpsWithoutCredentialsOrQuery() {
        assertEquals("base_url", refused(Map.of("base_url", "http://93.184.215.14/")));
        assertEquals("base_url", refused(Map.of("base_url", "file:///etc/passwd")));
        assertEquals("base_url", refused(Map.of("base_url", "https://user:pw@93.184.215.14/")));
        assertEquals("base_url", refused(Map.of("base_url", "https://93.184.215.14/?x=1")));
        assertEquals("base_url", refused(Map.of("base_url", "not a url")));
        assertDoesNotThrow(() -> EndpointPolicy.check(Map.of("base_url", "https://93.184.215.14/v3"), false));
    }

    @Test
    void aRegionMustLookLikeOne() {
        assertDoesNotThrow(() -> EndpointPolicy.check(Map.of("region", "eu-west-1"), false));
        assertDoesNotThrow(() -> EndpointPolicy.check(Map.of("region", "us-gov-west-1"), false));
        assertEquals("region", refused(Map.of("region", "evil.example/x")));
        assertEquals("region", refused(Map.of("region", "eu-west-1.evil.example#")));
    }

    @Test
    void publicMeansNotLoopbackPrivateLinkLocalSharedOrReserved() throws Exception {
        assertTrue(EndpointPolicy.isPublic(InetAddress.getByName("93.184.215.14")));
        assertTrue(EndpointPolicy.isPublic(InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")));
        for (String address : new String[] {"0.0.0.0", "127.0.0.2", "10.1.2.3", "100.64.0.1", "169.254.1.1",
                "172.31.255.255", "192.168.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1",
                "fd00::1", "::ffff:10.0.0.1"}) {
            assertFalse(EndpointPolicy.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
