package org.secure2fa.delivery.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat string maps as JSON objects: channel settings and outbox payloads. */
public final class Settings {

    private Settings() {
    }

    public static String toJson(Map<String, String> values) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
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
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((k, v) -> values.put(k, v.getValueType() == JsonValue.ValueType.STRING
                    ? ((JsonString) v).getString() : v.toString()));
        }
        return values;
    }
}
