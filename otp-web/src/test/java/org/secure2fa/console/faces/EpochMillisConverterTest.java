package org.secure2fa.console.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EpochMillisConverterTest {

    private final EpochMillisConverter converter = new EpochMillisConverter();

    @Test
    void showsUtcAndReadsItBack() {
        long at = 1_795_656_387_000L;
        String shown = converter.getAsString(null, null, at);
        assertEquals("2026-11-26 01:26:27", shown);
        assertEquals(at, converter.getAsObject(null, null, shown));
        assertNull(converter.getAsObject(null, null, " "));
        assertEquals("", converter.getAsString(null, null, null));
    }
}
