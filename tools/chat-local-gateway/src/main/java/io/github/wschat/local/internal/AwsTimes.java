package io.github.wschat.local.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two time formats of API Gateway: the event's {@code requestTime} and the management API's ISO 8601. */
final class AwsTimes {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private AwsTimes() {
    }

    /** {@code 25/Nov/2026:10:15:30 +0000}. */
    static String requestTime(long epochMillis) {
        return REQUEST_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code 2026-11-25T10:15:30.000Z}. */
    static String iso(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }
}
