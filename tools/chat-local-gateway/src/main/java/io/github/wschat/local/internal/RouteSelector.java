package io.github.wschat.local.internal;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a route selection expression {@code $request.body.<dotted path>} against a message body.
 * The body must be a JSON object and the value at the path a string, number or boolean; anything else
 * (not JSON, no such key, an object, an array, null) selects nothing, and the message goes to
 * {@code $default}, as in API Gateway.
 */
final class RouteSelector {

    private final List<String> path;

    RouteSelector(List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty route selection path");
        }
        this.path = List.copyOf(path);
    }

    /** The value the expression selects in the body, if any. */
    Optional<String> select(String body) {
        Object node;
        try {
            node = JSON.std.anyFrom(body);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
        for (String key : path) {
            if (!(node instanceof Map)) {
                return Optional.empty();
            }
            node = ((Map<?, ?>) node).get(key);
        }
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return Optional.of(node.toString());
        }
        return Optional.empty();
    }
}
