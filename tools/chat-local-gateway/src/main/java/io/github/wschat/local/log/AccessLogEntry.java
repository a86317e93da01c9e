package io.github.wschat.local.log;

/**
 * One access log entry of a {@code LocalWebSocketApi}: what API Gateway's access log would show for one
 * event. The emulator writes {@link #line()} at INFO on the logger {@code io.github.wschat.local.AccessLog}
 * and hands the entry to the listener set with {@code LocalWebSocketApi.Builder.accessLogListener}.
 *
 * @param requestId                the event's request id ({@code requestContext.requestId})
 * @param connectionId             the connection id
 * @param eventType                {@code CONNECT}, {@code MESSAGE} or {@code DISCONNECT}
 * @param routeKey                 the route, {@code -} for a message that matched no route
 * @param status                   the integration status (the handler's {@code statusCode}, 500 if it threw,
 *                                 504 on timeout, 403 for no route), {@code null} when no handler ran
 * @param integrationLatencyMillis how long the handler ran, {@code null} when no handler ran
 * @param error                    the error message the client got ({@code Internal server error},
 *                                 {@code Endpoint request timed out}, {@code Forbidden}), {@code null} if none
 * @param disconnectStatusCode     for {@code DISCONNECT}: the close code (the client's, 1006 when the TCP
 *                                 connection dropped, 1001 for a timeout, 1009 too big, 1000 deleted…);
 *                                 else {@code null}
 * @param disconnectReason         for {@code DISCONNECT}: the close reason; else {@code null}
 * @param authorizerLatencyMillis  for a {@code CONNECT} with an authorizer: how long the authorizer ran,
 *                                 {@code null} when it did not run (no authorizer, or a missing identity source)
 * @param authorizerError          for a {@code CONNECT} the authorizer refused: why ({@code identity source
 *                                 route.request.querystring.token missing or empty}, {@code authorizer timed
 *                                 out}, {@code denied by an explicit Deny of the policy}…; never a token or a
 *                                 context value); else {@code null}
 */
public record AccessLogEntry(String requestId,
                             String connectionId,
                             String eventType,
                             String routeKey,
                             Integer status,
                             Long integrationLatencyMillis,
                             String error,
                             Integer disconnectStatusCode,
                             String disconnectReason,
                             Long authorizerLatencyMillis,
                             String authorizerError) {

    /** An entry of an event without an authorizer. */
    public AccessLogEntry(String requestId, String connectionId, String eventType, String routeKey, Integer status,
                          Long integrationLatencyMillis, String error, Integer disconnectStatusCode,
                          String disconnectReason) {
        this(requestId, connectionId, eventType, routeKey, status, integrationLatencyMillis, error,
                disconnectStatusCode, disconnectReason, null, null);
    }

    /**
     * The logged line, {@code requestId=… connectionId=… eventType=… routeKey=… status=…
     * integrationLatency=…}, then {@code authorizerLatency=…}, {@code disconnectStatusCode=…
     * disconnectReason="…"}, {@code error="…"} and {@code authorizerError="…"} when set; {@code -} for an
     * absent value. Never a message body.
     */
    public String line() {
        StringBuilder line = new StringBuilder(160)
                .append("requestId=").append(requestId)
                .append(" connectionId=").append(connectionId)
                .append(" eventType=").append(eventType)
                .append(" routeKey=").append(routeKey)
                .append(" status=").append(status == null ? "-" : status.toString())
                .append(" integrationLatency=")
                .append(integrationLatencyMillis == null ? "-" : integrationLatencyMillis.toString());
        if (authorizerLatencyMillis != null) {
            line.append(" authorizerLatency=").append(authorizerLatencyMillis);
        }
        if (disconnectStatusCode != null) {
            line.append(" disconnectStatusCode=").append(disconnectStatusCode)
                    .append(" disconnectReason=\"").append(disconnectReason).append('"');
        }
        if (error != null) {
            line.append(" error=\"").append(error).append('"');
        }
        if (authorizerError != null) {
            line.append(" authorizerError=\"").append(authorizerError).append('"');
        }
        return line.toString();
    }
}
