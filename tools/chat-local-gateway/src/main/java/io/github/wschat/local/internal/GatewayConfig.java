package io.github.wschat.local.internal;

import io.github.wschat.local.log.AccessLogEntry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Everything the server needs, validated by the public builder.
 *
 * @param host                    the address to bind and to report as the domain name
 * @param port                    the port to bind, 0 for a free one
 * @param stage                   the stage name, first segment of every path
 * @param apiId                   the API id events report
 * @param routeSelectionPath      the dotted path of {@code $request.body.<path>}, split
 * @param routes                  the integrations by route key
 * @param maxFrameBytes           the largest frame payload accepted (bigger: close 1009)
 * @param maxMessageBytes         the largest message, reassembled (bigger: close 1009), and the largest
 *                                {@code @connections} POST (bigger: 413)
 * @param maxPendingOutboundBytes the outbound bytes queued for a client above which a POST gets 429
 * @param idleTimeout             how long a connection may see no frame before it is closed
 * @param maxConnectionDuration   how long a connection may last
 * @param integrationTimeout      how long a handler may run before the client gets a timeout answer
 * @param acceptBinaryFrames      whether binary frames go to {@code $default} base64-encoded instead of
 *                                closing the connection with 1003
 * @param clock                   the clock of event times
 * @param handlerExecutor         the executor running handlers, {@code null} for one owned by the server
 * @param accessListener          receives each access log entry, {@code null} for none
 * @param recordConnectionsRequests whether the {@code @connections} calls are recorded
 * @param connectAuthorizer       the REQUEST authorizer of {@code $connect}, {@code null} for none
 */
public record GatewayConfig(String host,
                            int port,
                            String stage,
                            String apiId,
                            List<String> routeSelectionPath,
                            Map<String, Integration> routes,
                            int maxFrameBytes,
                            int maxMessageBytes,
                            int maxPendingOutboundBytes,
                            Duration idleTimeout,
                            Duration maxConnectionDuration,
                            Duration integrationTimeout,
                            boolean acceptBinaryFrames,
                            Clock clock,
                            ExecutorService handlerExecutor,
                            Consumer<AccessLogEntry> accessListener,
                            boolean recordConnectionsRequests,
                            ConnectAuthorizer connectAuthorizer) {

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(apiId, "apiId");
        routeSelectionPath = List.copyOf(routeSelectionPath);
        routes = Map.copyOf(routes);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxConnectionDuration, "maxConnectionDuration");
        Objects.requireNonNull(integrationTimeout, "integrationTimeout");
        Objects.requireNonNull(clock, "clock");
    }
}
