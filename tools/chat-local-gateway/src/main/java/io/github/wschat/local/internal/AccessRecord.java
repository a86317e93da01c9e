package io.github.wschat.local.internal;

/**
 * One access log entry, as the server writes it.
 *
 * @param requestId                the event's request id
 * @param connectionId             the connection id
 * @param eventType                CONNECT, MESSAGE or DISCONNECT
 * @param routeKey                 the route, {@code -} when none matched
 * @param status                   the integration status, {@code null} when no handler ran
 * @param integrationLatencyMillis the handler's latency, {@code null} when no handler ran
 * @param error                    the error message the client got, {@code null} if none
 * @param disconnectStatusCode     the close code, DISCONNECT only
 * @param disconnectReason         the close reason, DISCONNECT only
 */
public record AccessRecord(String requestId,
                           String connectionId,
                           String eventType,
                           String routeKey,
                           Integer status,
                           Long integrationLatencyMillis,
                           String error,
                           Integer disconnectStatusCode,
                           String disconnectReason) {

    /** The log line: {@code requestId=… connectionId=… eventType=… routeKey=… status=… integrationLatency=…}. */
    public String line() {
        StringBuilder line = new StringBuilder(160)
                .append("requestId=").append(requestId)
                .append(" connectionId=").append(connectionId)
                .append(" eventType=").append(eventType)
                .append(" routeKey=").append(routeKey)
                .append(" status=").append(status == null ? "-" : status.toString())
                .append(" integrationLatency=")
                .append(integrationLatencyMillis == null ? "-" : integrationLatencyMillis.toString());
        if (disconnectStatusCode != null) {
            line.append(" disconnectStatusCode=").append(disconnectStatusCode)
                    .append(" disconnectReason=\"").append(disconnectReason).append('"');
        }
        if (error != null) {
            line.append(" error=\"").append(error).append('"');
        }
        return line.toString();
    }
}
