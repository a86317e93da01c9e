package io.github.wschat.local.internal;

import io.github.wschat.local.log.AccessLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * One INFO line per event, like an API Gateway access log, on the logger
 * {@code io.github.wschat.local.AccessLog}, and the same entry to an optional listener:
 * <pre>
 * requestId=Bq3yAHpzIAMFe7w= connectionId=Bq3xkcNyoAMCJpQ= eventType=MESSAGE routeKey=sendmessage status=200 integrationLatency=3
 * requestId=Bq4AzGnRIAMFgXQ= connectionId=Bq3xkcNyoAMCJpQ= eventType=DISCONNECT routeKey=$disconnect status=200 integrationLatency=1 disconnectStatusCode=1001 disconnectReason="Going away"
 * </pre>
 * A message that matched no route (no {@code $default}) logs {@code routeKey=- status=403
 * integrationLatency=- error="Forbidden"}; a failed handler adds {@code error="Internal server error"}.
 * With a {@code $connect} authorizer, CONNECT entries add {@code authorizerLatency=…}, and a refused
 * handshake's entry has the refusing status and {@code authorizerError="…"}:
 * {@code routeKey=$connect status=403 integrationLatency=- authorizerLatency=2 error="Forbidden"
 * authorizerError="denied by an explicit Deny of the policy"}.
 * The CONNECT entry of an accepted connection is written once its handshake is written and
 * {@code @connections} reaches it (a rejected one's, with the rejecting status, when it is rejected).
 * Message bodies are never logged.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.wschat.local.AccessLog");

    private static final String INTERNAL_SERVER_ERROR = "Internal server error";
    private static final String TIMED_OUT = "Endpoint request timed out";

    private final Consumer<AccessLogEntry> listener;

    AccessLog(Consumer<AccessLogEntry> listener) {
        this.listener = listener;
    }

    void event(String requestId, String connectionId, String eventType, String routeKey, Invocation invocation) {
        write(new AccessLogEntry(requestId, connectionId, eventType, routeKey, invocation.status(),
                invocation.latencyMillis(), error(invocation), null, null));
    }

    /** The CONNECT entry of a {@code $connect} integration that ran, after the authorizer if there is one. */
    void connect(String requestId, String connectionId, Invocation invocation, Long authorizerLatencyMillis) {
        write(new AccessLogEntry(requestId, connectionId, "CONNECT", "$connect", invocation.status(),
                invocation.latencyMillis(), error(invocation), null, null, authorizerLatencyMillis, null));
    }

    /** The CONNECT entry of a handshake the authorizer refused: no integration ran. */
    void refused(String requestId, String connectionId, AuthorizerVerdict verdict, Long authorizerLatencyMillis) {
        write(new AccessLogEntry(requestId, connectionId, "CONNECT", "$connect", verdict.status(), null,
                verdict.error(), null, null, authorizerLatencyMillis, verdict.reason()));
    }

    void forbidden(String requestId, String connectionId) {
        write(new AccessLogEntry(requestId, connectionId, "MESSAGE", "-", 403, null, "Forbidden", null, null));
    }

    void disconnect(String requestId, String connectionId, Invocation invocation, int closeCode, String closeReason) {
        write(new AccessLogEntry(requestId, connectionId, "DISCONNECT", "$disconnect",
                invocation == null ? null : invocation.status(),
                invocation == null ? null : invocation.latencyMillis(),
                invocation == null ? null : error(invocation), closeCode, closeReason));
    }

    static String errorMessage(Invocation invocation) {
        return invocation.timedOut() ? TIMED_OUT : INTERNAL_SERVER_ERROR;
    }

    private void write(AccessLogEntry record) {
        LOG.info("{}", record.line());
        if (listener != null) {
            try {
                listener.accept(record);
            } catch (RuntimeException e) {
                LOG.warn("access log listener failed", e);
            }
        }
    }

    private static String error(Invocation invocation) {
        return invocation.failed() ? errorMessage(invocation) : null;
    }
}
