package org.secure2fa.delivery.control;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.secure2fa.platform.boundary.InvalidInputException;

/**
 * Where a channel may send its credentials and messages. Channel settings come from any signed-up
 * account, so without limits a channel's {@code base_url} or SMTP {@code host} could make the server
 * call its own network (cloud metadata, the admin port, internal services) and, through "send a test
 * message", read what they answer. Unless the operator allows private endpoints
 * ({@code otp.delivery.allow-private-endpoints}, on for local development), an API base URL must be
 * {@code https} and every host must resolve only to public addresses; an AWS region must look like one.
 */
public final class EndpointPolicy {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private EndpointPolicy() {
    }

    /** Checks the endpoint settings of a channel; throws a {@link InvalidInputException} naming the field. */
    public static void check(Map<String, String> settings, boolean allowPrivate) {
        String region = settings.get("region");
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidInputException("region", "Enter an AWS region such as eu-west-1.");
        }
        String baseUrl = settings.get("base_url");
        if (baseUrl != null) {
            URI uri;
            try {
                uri = new URI(baseUrl);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("base_url", "Enter the API base URL as https://host[/path].");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = "https".equals(scheme) || (allowPrivate && "http".equals(scheme));
            if (!schemeOk || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidInputException("base_url", "Enter the API base URL as https://host[/path].");
            }
            requirePublic("base_url", uri.getHost(), allowPrivate);
        }
        String host = settings.get("host");
        if (host != null) {
            requirePublic("host", host, allowPrivate);
        }
    }

    private static void requirePublic(String field, String host, boolean allowPrivate) {
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            addresses = InetAddress.getAllByName(IDN.toASCII(name));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new InvalidInputException(field, "The host " + host + " cannot be found.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new InvalidInputException(field, "The host " + host + " is on a private network; the server "
                        + "does not send there unless its operator allows private endpoints.");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] a = address.getAddress();
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (a[0] & 0xfe) == 0xfc;
            boolean mappedV4 = a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0
                    && a[7] == 0 && a[8] == 0 && a[9] == 0 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
            if (mappedV4) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {a[12], a[13], a[14], a[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        return first != 0                                  // "this network"
                && !(first == 100 && second >= 64 && second < 128)  // carrier-grade NAT
                && !(first == 192 && second == 0 && (a[2] & 0xff) == 0) // IETF protocol assignments
                && !(first == 198 && (second == 18 || second == 19))  // benchmarking
                && first < 240;                            // reserved and broadcast
    }
}
