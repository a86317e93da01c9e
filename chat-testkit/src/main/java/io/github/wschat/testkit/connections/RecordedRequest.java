package io.github.wschat.testkit.connections;

import java.util.List;
import java.util.Map;

/**
 * One {@code @connections} call as it arrived.
 *
 * @param method         {@code POST}, {@code GET} or {@code DELETE}
 * @param path           the request's path, percent-decoded: {@code /{stage}/@connections/{connectionId}}
 * @param connectionId   the connection id, decoded from the path
 * @param headers        the request headers, names as sent (the SDK's SigV4 {@code Authorization} among them)
 * @param arrivedAtNanos {@link System#nanoTime()} when the server started handling it, so that the gaps
 *                       between a call's attempts show the client's backoff
 */
public record RecordedRequest(String method, String path, String connectionId, Map<String, List<String>> headers,
                              long arrivedAtNanos) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of the header, whatever the case of its name; {@code null} if absent. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }
}
