package io.github.wschat.testkit.connections;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code GET @connections/{id}} tells of a connection.
 *
 * @param connectedAt  when it connected
 * @param lastActiveAt when it last sent or received a frame
 * @param sourceIp     the client's address, {@code null} if unknown
 * @param userAgent    the client's {@code User-Agent}, {@code null} if it sent none
 */
public record ConnectionInfo(Instant connectedAt, Instant lastActiveAt, String sourceIp, String userAgent) {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final JSON JSON_WITH_NULLS = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    public ConnectionInfo {
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
    }

    /**
     * The body of the answer, with the wire names of the service model (its {@code locationName}s):
     * {@code {"connectedAt":"2026-11-25T10:15:30.000Z","identity":{"sourceIp":"…","userAgent":"…"},"lastActiveAt":"…"}}.
     * The SDKs show them capitalised ({@code ConnectedAt}, {@code Identity.SourceIp}…), which is how the
     * chat tutorial prints them; that is not the wire format.
     */
    public String toJson() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", sourceIp);
        identity.put("userAgent", userAgent);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("connectedAt", ISO_MILLIS.format(connectedAt));
        info.put("identity", identity);
        info.put("lastActiveAt", ISO_MILLIS.format(lastActiveAt));
        try {
            return JSON_WITH_NULLS.asString(info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
