package io.github.wschat.json;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.port.out.ReplyRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the core's replies as the tutorial's JSON, with jackson-jr.
 *
 * <ul>
 *   <li>connection info: {@code {"ConnectedAt":"2026-11-25T10:15:30.000Z","Identity":{"SourceIp":"203.0.113.10","UserAgent":"wscat/6.1.0"},"LastActiveAt":"…","connectionID":"…"}}
 *       (unknown identity fields are left out);</li>
 *   <li>errors: {@code {"error":"message is empty"}}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class JsonReplyRenderer implements ReplyRenderer {

    private final JSON json = JSON.std;

    @Override
    public String connectionInfo(ConnectionId caller, ConnectionInfo info) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ConnectedAt", timestamp(info.connectedAt()));
        fields.put("Identity", identity(info.identity()));
        fields.put("LastActiveAt", timestamp(info.lastActiveAt()));
        fields.put("connectionID", caller.value());
        return write(fields);
    }

    @Override
    public String unknownConnectionInfo(ConnectionId caller) {
        return write(Map.of("connectionID", caller.value()));
    }

    @Override
    public String rejection(MessageRejection rejection) {
        return write(Map.of("error", rejection.description()));
    }

    private static Map<String, Object> identity(ClientIdentity identity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        identity.knownSourceIp().ifPresent(ip -> fields.put("SourceIp", ip));
        identity.knownUserAgent().ifPresent(agent -> fields.put("UserAgent", agent));
        return fields;
    }

    private static String timestamp(Instant instant) {
        return JsonTimestamps.utcMillis(instant);
    }

    private String write(Map<String, Object> fields) {
        try {
            return json.asString(fields);
        } catch (IOException e) {
            // only strings and maps of strings are written: this cannot happen short of a jackson-jr bug
            throw new UncheckedIOException("could not render JSON", e);
        }
    }
}
