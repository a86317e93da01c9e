package io.github.wschat.server;

import java.util.Map;
import java.util.Objects;

/**
 * What the server answers one request: a status, a JSON body and the headers beyond the content type and length.
 *
 * @param status  the HTTP status
 * @param json    the body, a JSON text
 * @param headers more headers ({@code WWW-Authenticate}, {@code Allow}, {@code Retry-After}), possibly none
 */
record HttpAnswer(int status, String json, Map<String, String> headers) {

    HttpAnswer {
        Objects.requireNonNull(json, "json");
        headers = Map.copyOf(headers);
    }

    static HttpAnswer of(int status, String json) {
        return new HttpAnswer(status, json, Map.of());
    }

    HttpAnswer withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new HttpAnswer(status, json, more);
    }
}
