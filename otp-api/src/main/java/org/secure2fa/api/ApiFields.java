package org.secure2fa.api;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * The fields of an API request, from a form body (what the seed's clients send) or a JSON object,
 * with the checks of the clear-text fields. What is inside {@code encrypted_data} is checked by the
 * service, which answers all its failures alike.
 */
final class ApiFields {

    private static final Pattern LANG = Pattern.compile("([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z]{1,16})?");
    private static final int MAX_USER_AGENT = 1024;
    /** Longer than any real language tag; checked before the pattern, whose repetition recurses. */
    private static final int MAX_LANG = 35;
    private static final String NOT_AN_OBJECT = "The body is not a JSON object.";

    private final Map<String, String> values;

    private ApiFields(Map<String, String> values) {
        this.values = values;
    }

    static ApiFields fromForm(String body) {
        Map<String, String> values = new HashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    values.putIfAbsent(key, value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException("The form body is not valid URL encoding.");
                }
            }
        }
        return new ApiFields(values);
    }

    /**
     * Reads a flat JSON object with a streaming parser: a nested value is refused at once, so no body
     * can make the server build deep trees.
     */
    static ApiFields fromJson(String body) {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = ApiResponses.JSON.createParser(new StringReader(body == null ? "" : body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidRequestException(NOT_AN_OBJECT);
            }
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case VALUE_STRING -> values.putIfAbsent(key, parser.getString());
                    case VALUE_NUMBER -> values.putIfAbsent(key, parser.getString());
                    case VALUE_TRUE -> values.putIfAbsent(key, "true");
                    case VALUE_FALSE -> values.putIfAbsent(key, "false");
                    case VALUE_NULL -> { }
                    case END_OBJECT -> {
                        if (parser.hasNext()) {
                            throw new InvalidRequestException(NOT_AN_OBJECT);
                        }
                        return new ApiFields(values);
                    }
                    default -> throw new InvalidRequestException("The field " + key + " must be a string.");
                }
            }
            throw new InvalidRequestException(NOT_AN_OBJECT);
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new InvalidRequestException(NOT_AN_OBJECT);
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name + " is required.");
        }
        return value.trim();
    }

    /** The primary language subtag in lower case, or null when absent. */
    String lang() {
        String value = optional("lang");
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_LANG) {
            throw new InvalidRequestException("lang must be a two-letter language code such as en or fr.");
        }
        var matcher = LANG.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidRequestException("lang must be a two-letter language code such as en or fr.");
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    String ipAddress() {
        String value = optional("ip_address");
        if (value != null && !IPV4.matcher(value).matches() && !(value.contains(":") && IPV6.matcher(value).matches())) {
            throw new InvalidRequestException("ip_address must be an IPv4 or IPv6 address.");
        }
        return value;
    }

    String userAgent() {
        String value = optional("user_agent");
        if (value != null && value.length() > MAX_USER_AGENT) {
            throw new InvalidRequestException("user_agent must be at most " + MAX_USER_AGENT + " characters.");
        }
        return value;
    }

    boolean templateRequest() {
        String value = optional("template_request");
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw new InvalidRequestException("template_request must be true or false.");
        };
    }

    private String optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

}
