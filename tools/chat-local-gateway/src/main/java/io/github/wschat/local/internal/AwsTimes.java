package io.github.wschat.local.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The event's {@code requestTime} format (the management API's ISO 8601 is the test kit's {@code ConnectionInfo}'s). */
final class AwsTimes {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AwsTimes() {
    }

    /** {@code 25/Nov/2026:10:15:30 +0000}. */
    static String requestTime(long epochMillis) {
        return REQUEST_TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
