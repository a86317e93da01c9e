package io.github.wschat.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The wire's timestamps, API Gateway's format: ISO-8601 in UTC with exactly three digits of milliseconds. */
final class JsonTimestamps {

    /** {@code 2026-12-02T10:15:30.123Z}; finer digits are cut, not rounded. */
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsonTimestamps() {
    }

    static String utcMillis(Instant instant) {
        return UTC_MILLIS.format(instant);
    }
}
