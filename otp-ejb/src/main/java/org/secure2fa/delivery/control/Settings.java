package org.secure2fa.delivery.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat string maps as JSON objects: channel settings and outbox payloads. */
public final class Settings {

    /** Looked up once: {@code Json.*} factory methods look the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Settings() {
    }

    public static String toJson(Map<String, String> values) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v != null) {
                builder.add(k, v);
            }
        });
        return builder.build().toString();
    }

    public static Map<String, String> fromJson(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((k, v) -> values.put(k, v.getValueType() == JsonValue.ValueType.STRING
                    ? ((JsonString) v).getString() : v.toString()));
        }
        return values;
    }
}
