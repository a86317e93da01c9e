package io.github.wschat.core.domain;

import java.util.Optional;

/**
 * Who is at the other end of a connection, as far as API Gateway tells: source IP and user agent.
 * Either may be unknown (absent from the event, or not given by the client).
 */
public record ClientIdentity(String sourceIp, String userAgent) {

    /** Nothing known about the client. */
    public static final ClientIdentity UNKNOWN = new ClientIdentity(null, null);

    public ClientIdentity {
        sourceIp = blankToNull(sourceIp);
        userAgent = blankToNull(userAgent);
    }

    public static ClientIdentity of(String sourceIp, String userAgent) {
        return new ClientIdentity(sourceIp, userAgent);
    }

    public Optional<String> knownSourceIp() {
        return Optional.ofNullable(sourceIp);
    }

    public Optional<String> knownUserAgent() {
        return Optional.ofNullable(userAgent);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
