package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.local.internal.ConnectAuthorizer;
import io.github.wschat.local.internal.GatewayConfig;
import io.github.wschat.local.internal.GatewayServer;
import io.github.wschat.local.internal.Integration;
import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.connections.FaultInjection;
import io.github.wschat.testkit.connections.Faults;
import io.github.wschat.testkit.connections.RequestLog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An Amazon API Gateway WebSocket API on your machine: it hosts Lambda handlers
 * ({@code RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>}) per route and
 * behaves as API Gateway does, so that the same handler code runs here and in AWS.
 *
 * <ul>
 *   <li>WebSocket clients connect to {@link #webSocketUri()}, {@code ws://127.0.0.1:<port>/<stage>}
 *       (only the stage path: any other path, {@code /} included, is refused with 403, because a wrong
 *       endpoint is a classic bug this emulator should show, not hide).</li>
 *   <li>{@code $connect} runs before the handshake: a non-2xx answer, a failure or a timeout rejects it
 *       with that HTTP status; without a {@code $connect} route every connection is accepted. The
 *       {@code $connect} handler can pick a subprotocol by answering a {@code Sec-WebSocket-Protocol}
 *       header.</li>
 *   <li>A Lambda REQUEST authorizer ({@link Builder#connectAuthorizer(RequestHandler, List)}) runs before
 *       {@code $connect}: a missing identity source gets 401 without it, a policy that does not allow
 *       {@code $connect} 403, a failing or malformed answer 500; an allowed connection's events carry its
 *       answer in {@code requestContext.authorizer}.</li>
 *   <li>Each message is routed by the route selection expression ({@code $request.body.action} by
 *       default): a body that is not JSON, or whose selected value names no route, goes to {@code $default};
 *       with no {@code $default} the client gets
 *       {@code {"message": "Forbidden", "connectionId":"…", "requestId":"…"}}. A handler that throws makes
 *       the client get {@code {"message": "Internal server error", …}} (one that runs past the integration
 *       timeout, {@code {"message": "Endpoint request timed out", …}}) and the connection stays open.
 *       Two-way routes send the handler's response body back; one-way routes do not.</li>
 *   <li>Binary frames: API Gateway documents that it "rejects it and disconnects the client with code
 *       1003", and so does this emulator by default; with {@link Builder#acceptBinaryFrames(boolean)} they go
 *       to {@code $default} base64-encoded ({@code isBase64Encoded} true) instead.</li>
 *   <li>{@code $disconnect} fires once for every connection {@code $connect} accepted, whoever closes it:
 *       the client (close frame or dropped TCP connection), {@code DELETE @connections}, the idle timeout
 *       (no frame either way), the maximum duration, a limit (1009) or {@link #close()}; only
 *       {@link #dropWithoutDisconnect(String)} ends one without it, as AWS may.</li>
 *   <li>The management API is on the same port, {@link #connectionsEndpoint()}
 *       {@code http://127.0.0.1:<port>/<stage>}: {@code POST}, {@code GET} and {@code DELETE}
 *       {@code /@connections/{id}}, with API Gateway's status codes and {@code x-amzn-ErrorType} headers, so
 *       the AWS SDK's {@code ApiGatewayManagementApiClient} (endpoint override = {@link #connectionsEndpoint()})
 *       throws the same {@code GoneException}, {@code PayloadTooLargeException}… as in AWS. Signatures are
 *       not checked; any or no {@code Authorization} header is accepted.</li>
 *   <li>Quotas are API Gateway's, each configurable for tests: 32 KB frames, 128 KB messages (reassembled
 *       from frames; bigger closes with 1009; bigger POST data gets 413), 10 minutes idle, 2 hours per
 *       connection, 29 s integration timeout.</li>
 *   <li>Each event writes one INFO line on the logger {@code io.github.wschat.local.AccessLog}:
 *       {@code requestId=… connectionId=… eventType=MESSAGE routeKey=sendmessage status=200
 *       integrationLatency=3}, plus {@code disconnectStatusCode=… disconnectReason="…"} for
 *       {@code $disconnect}. Bodies are never logged.</li>
 * </ul>
 *
 * <pre>{@code
 * try (LocalWebSocketApi api = LocalWebSocketApi.builder()
 *         .stage("production")
 *         .route("$connect", new ConnectHandler())
 *         .route("$disconnect", new DisconnectHandler())
 *         .route("sendmessage", new SendMessageHandler())
 *         .twoWayRoute("$default", new DefaultHandler())
 *         .start()) {
 *     URI clients = api.webSocketUri();             // ws://127.0.0.1:<port>/production
 *     URI management = api.connectionsEndpoint();   // http://127.0.0.1:<port>/production
 *     ...
 * }
 * }</pre>
 *
 * <p>Handlers run on an executor of their own (a cached pool of daemon threads unless one is given), never
 * on the network threads; messages of one connection may run concurrently, as in AWS, where nothing
 * orders them either.
 */
public final class LocalWebSocketApi implements AutoCloseable {

    /** The default route selection expression, the tutorial's. */
    public static final String DEFAULT_ROUTE_SELECTION_EXPRESSION = "$request.body.action";

    private static final String BODY_PREFIX = "$request.body.";
    private static final String DEFAULT_AUTHORIZER_FUNCTION_NAME = "local-authorizer";
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern API_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final GatewayConfig config;
    private final FaultInjection initialFaults;
    private final Object lifecycle = new Object();
    private GatewayServer server;
    private boolean closed;

    private LocalWebSocketApi(GatewayConfig config, FaultInjection faults) {
        this.config = config;
        this.initialFaults = faults;
    }

    /** A builder with API Gateway's defaults, on 127.0.0.1, a free port, stage {@code local}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this API
     * @throws LocalWebSocketApiException if the port cannot be bound
     * @throws IllegalStateException      if it was started or closed before
     */
    public LocalWebSocketApi start() {
        synchronized (lifecycle) {
            if (server != null || closed) {
                throw new IllegalStateException("a LocalWebSocketApi starts once");
            }
            try {
                server = GatewayServer.start(config, initialFaults);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalWebSocketApiException("interrupted while binding " + config.host() + ":" + config.port(), e);
            } catch (Exception e) {
                // Netty rethrows the bind failure (a checked BindException) undeclared
                throw new LocalWebSocketApiException("cannot serve on " + config.host() + ":" + config.port(), e);
            }
            return this;
        }
    }

    /** The port it listens on (the free one picked when built with port 0). */
    public int port() {
        return running().port();
    }

    /** Where WebSocket clients connect: {@code ws://<host>:<port>/<stage>}. */
    public URI webSocketUri() {
        return URI.create("ws://" + config.host() + ":" + port() + "/" + config.stage());
    }

    /**
     * The management API endpoint, {@code http://<host>:<port>/<stage>}: the endpoint override of an
     * {@code ApiGatewayManagementApiClient}; {@code POST <endpoint>/@connections/{id}} sends to a client.
     */
    public URI connectionsEndpoint() {
        return URI.create("http://" + config.host() + ":" + port() + "/" + config.stage());
    }

    /** The stage, first segment of every path. */
    public String stage() {
        return config.stage();
    }

    /** The API id the events report. */
    public String apiId() {
        return config.apiId();
    }

    /** The ids of the open connections (handshake done, not closing). */
    public Set<String> connectionIds() {
        return running().connectionIds();
    }

    /**
     * How many {@code @connections} calls were answered with an injected error (drawn by the
     * {@link FaultInjection}, or scripted with {@link #connectionsFaults()}) since the faults were last set:
     * proof, for a test, that the faults did happen.
     */
    public long injectedFailureCount() {
        return running().connectionsFaults().injectedFailures();
    }

    /**
     * Sends {@code text} to a connection as one text message (in 32 KB frames if longer), as
     * {@code POST @connections/{id}} does, but in process: no HTTP request, no injected fault, no size check
     * and no 429 for a full client buffer. For tests and benchmarks that need the gateway's own push, such
     * as measuring how fast it can write to its clients.
     *
     * @return completes with true once the message is written to the client's socket, with false when the
     *         connection is unknown, not open yet, closing, or the write failed
     */
    public CompletableFuture<Boolean> sendToConnection(String connectionId, String text) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(text, "text");
        return running().sendText(connectionId, text);
    }

    /**
     * Drops a connection the way API Gateway loses track of one whose {@code $disconnect} never comes
     * ("{@code $disconnect} is best effort", AWS does not guarantee its delivery): the client's TCP connection
     * is reset at once, without a close frame, and the connection is forgotten <em>without invoking
     * {@code $disconnect}</em> and without an access log entry. Whatever the handlers stored for it stays,
     * stale, and from the moment this returns every {@code @connections} call to its id answers 410
     * {@code GoneException}, exactly as for an id never seen: for tests of what a deployment must do about
     * that (a TTL on connection items, pruning a connection when a post to it answers 410). Every other way
     * a connection ends fires {@code $disconnect}, a client's dropped TCP connection included.
     *
     * @return true if the connection was open and is dropped; false if it is unknown, not open yet, or
     *         already closing (its {@code $disconnect} then fires as usual)
     */
    public boolean dropWithoutDisconnect(String connectionId) {
        Objects.requireNonNull(connectionId, "connectionId");
        return running().dropWithoutDisconnect(connectionId);
    }

    /** Replaces the faults the {@code @connections} API injects, from now on; the draws restart from its seed. */
    public void injectFaults(FaultInjection faults) {
        connectionsFaults().inject(Objects.requireNonNull(faults, "faults"));
    }

    /**
     * The whole fault and latency script of the {@code @connections} API (the test kit's, as its standalone
     * server has it): faults for the next calls of one connection or all of them, a latency on every
     * answer, answers held until released, and the {@link FaultInjection} of {@link #injectFaults}.
     */
    public Faults connectionsFaults() {
        return running().connectionsFaults();
    }

    /**
     * The {@code @connections} calls received: headers, arrival times, counts per connection, calls in
     * flight; only with {@link Builder#recordConnectionsRequests()}.
     *
     * @throws IllegalStateException if the API records no calls
     */
    public RequestLog connectionsRequests() {
        return running().connectionsRequests();
    }

    /**
     * Stops: refuses new connections, closes the open ones with 1001 "Going away" (their
     * {@code $disconnect} handlers run), waits up to a few seconds for running handlers, then stops its
     * threads. Does nothing if not started or already closed.
     */
    @Override
    public void close() {
        GatewayServer running;
        synchronized (lifecycle) {
            closed = true;
            running = server;
        }
        if (running != null) {
            running.close();
        }
    }

    /** The configuration it was built with, for this package's tests of the builder's defaults. */
    GatewayConfig config() {
        return config;
    }

    private GatewayServer running() {
        synchronized (lifecycle) {
            if (server == null) {
                throw new IllegalStateException("the LocalWebSocketApi is not started");
            }
            return server;
        }
    }

    /**
     * Builds a {@link LocalWebSocketApi}. Defaults are API Gateway's quotas; every one can be lowered
     * (or raised) for tests.
     */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private String stage = "local";
        private String apiId = "localwsapi";
        private String routeSelectionExpression = DEFAULT_ROUTE_SELECTION_EXPRESSION;
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private int maxFrameBytes = 32 * 1024;
        private int maxMessageBytes = 128 * 1024;
        private int maxPendingOutboundBytes = 1024 * 1024;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration maxConnectionDuration = Duration.ofHours(2);
        private Duration integrationTimeout = Duration.ofSeconds(29);
        private boolean acceptBinaryFrames;
        private FaultInjection faults = FaultInjection.none();
        private Clock clock = Clock.systemUTC();
        private ExecutorService handlerExecutor;
        private Consumer<AccessLogEntry> accessLogListener;
        private boolean recordConnectionsRequests;
        private ConnectAuthorizer connectAuthorizer;

        private Builder() {
        }

        /** The address to bind and to put in URIs and events' {@code domainName} (default {@code 127.0.0.1}). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 0: a free port, see {@link LocalWebSocketApi#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The stage name, first segment of every path (default {@code local}). */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /** The API id events report in {@code requestContext.apiId} (default {@code localwsapi}). */
        public Builder apiId(String apiId) {
            this.apiId = Objects.requireNonNull(apiId, "apiId");
            return this;
        }

        /**
         * The route selection expression, {@code $request.body.<dotted path>} (default
         * {@code $request.body.action}); {@code $request.body.meta.type} reads {@code {"meta":{"type":…}}}.
         */
        public Builder routeSelectionExpression(String expression) {
            this.routeSelectionExpression = Objects.requireNonNull(expression, "expression");
            return this;
        }

        /** A one-way route: the handler's response is not sent to the client. Replaces a route of the same key. */
        public Builder route(String key,
                             RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
            return route(Route.oneWay(key, handler));
        }

        /** A two-way route: the body of the handler's response is sent back to the client. */
        public Builder twoWayRoute(String key,
                                   RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler) {
            return route(Route.twoWay(key, handler));
        }

        /** A route; replaces a route of the same key. */
        public Builder route(Route route) {
            Objects.requireNonNull(route, "route");
            routes.put(route.key(), route);
            return this;
        }

        /** The largest frame payload accepted (default 32 KB); a bigger frame closes the connection with 1009. */
        public Builder maxFrameBytes(int bytes) {
            this.maxFrameBytes = positive(bytes, "maxFrameBytes");
            return this;
        }

        /**
         * The largest message, reassembled from its frames (default 128 KB): a bigger one closes the
         * connection with 1009. Also the largest {@code @connections} POST body: bigger gets 413.
         */
        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = positive(bytes, "maxMessageBytes");
            return this;
        }

        /**
         * How many bytes may wait to be written to one client (default 1 MB) before a
         * {@code @connections} POST to it gets 429 {@code LimitExceededException}, as API Gateway answers
         * when a client's buffer is full.
         */
        public Builder maxPendingOutboundBytes(int bytes) {
            this.maxPendingOutboundBytes = positive(bytes, "maxPendingOutboundBytes");
            return this;
        }

        /** How long a connection may see no frame, either way, before it is closed with 1001 (default 10 min). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** How long a connection may last before it is closed with 1001 (default 2 h). */
        public Builder maxConnectionDuration(Duration duration) {
            this.maxConnectionDuration = positive(duration, "maxConnectionDuration");
            return this;
        }

        /**
         * How long API Gateway waits for a handler (default 29 s). Past it, the client gets
         * {@code {"message": "Endpoint request timed out", …}} ({@code $connect}: 504); the handler itself
         * is not interrupted.
         */
        public Builder integrationTimeout(Duration timeout) {
            this.integrationTimeout = positive(timeout, "integrationTimeout");
            return this;
        }

        /**
         * Whether binary frames go to {@code $default}, base64-encoded with {@code isBase64Encoded} true
         * (default false: like API Gateway, close the connection with 1003).
         */
        public Builder acceptBinaryFrames(boolean accept) {
            this.acceptBinaryFrames = accept;
            return this;
        }

        /** The faults the {@code @connections} API injects (default none). */
        public Builder faultInjection(FaultInjection faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /** The clock of event times ({@code requestTimeEpoch}, {@code connectedAt}…; default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The executor handlers run on (default: a cached pool of daemon threads, shut down by
         * {@link LocalWebSocketApi#close()}; one given here is not shut down).
         */
        public Builder handlerExecutor(ExecutorService executor) {
            this.handlerExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Receives every access log entry, on the thread that finished the event (keep it quick and
         * thread-safe): for tests, metrics, or a launcher printing events. The CONNECT entry of an
         * accepted connection comes once the connection is open: a {@code POST @connections} to it from
         * then on is delivered.
         */
        public Builder accessLogListener(Consumer<AccessLogEntry> listener) {
            this.accessLogListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Records every {@code @connections} call for {@link LocalWebSocketApi#connectionsRequests()} (default
         * off: a long-running API, the local chat or a benchmark's, would keep each call's headers forever).
         */
        public Builder recordConnectionsRequests() {
            this.recordConnectionsRequests = true;
            return this;
        }

        /**
         * A Lambda REQUEST authorizer on {@code $connect}, as API Gateway runs one for a WebSocket API
         * ({@code AuthorizationType: CUSTOM}); its {@code Context} reports the function name
         * {@code local-authorizer}. See {@link #connectAuthorizer(String, RequestHandler, List)}.
         */
        public Builder connectAuthorizer(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler,
                                         List<String> identitySources) {
            return connectAuthorizer(DEFAULT_AUTHORIZER_FUNCTION_NAME, handler, identitySources);
        }

        /**
         * A Lambda REQUEST authorizer on {@code $connect}, whose {@code Context} reports {@code functionName}
         * (also in the log). Before {@code $connect}, each identity source
         * ({@code route.request.querystring.NAME}, {@code route.request.header.NAME} of any case) must be
         * present and not empty, else the handshake gets 401 and the authorizer is not invoked; then the
         * authorizer runs on the handler executor with the integration timeout, and its answer decides: an
         * {@code Allow} of {@code execute-api:Invoke} on
         * {@code arn:aws:execute-api:local:000000000000:<apiId>/<stage>/$connect} (IAM wildcards) and no
         * matching {@code Deny} lets {@code $connect} run, else 403; a throw, a timeout, no answer, no
         * {@code principalId}, no policy, a {@code context} value that is not a string, number or boolean,
         * or an answer above 8 KB as JSON, 500. The allowed connection's events, {@code $connect} to
         * {@code $disconnect}, carry the answer's {@code context}, {@code principalId} and
         * {@code integrationLatency} in {@code requestContext.authorizer}. An empty list invokes the
         * authorizer for every handshake.
         *
         * @throws IllegalArgumentException if an identity source is of another form
         */
        public Builder connectAuthorizer(String functionName,
                                         RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler,
                                         List<String> identitySources) {
            Objects.requireNonNull(identitySources, "identitySources");
            this.connectAuthorizer = new ConnectAuthorizer(handler, functionName,
                    identitySources.stream().map(ConnectAuthorizer.IdentitySource::parse).toList());
            return this;
        }

        /** The API, not started yet; fails fast on an invalid configuration. */
        public LocalWebSocketApi build() {
            if (!STAGE.matcher(stage).matches()) {
                throw new IllegalArgumentException("stage must be 1 to 128 of [A-Za-z0-9_-]: " + stage);
            }
            if (!API_ID.matcher(apiId).matches()) {
                throw new IllegalArgumentException("apiId must be letters and digits: " + apiId);
            }
            if (maxFrameBytes > maxMessageBytes) {
                throw new IllegalArgumentException("maxFrameBytes (" + maxFrameBytes
                        + ") is above maxMessageBytes (" + maxMessageBytes + ")");
            }
            Map<String, Integration> integrations = new LinkedHashMap<>();
            routes.forEach((key, route) -> integrations.put(key,
                    new Integration(key, route.handler(), route.twoWay(), route.functionName())));
            GatewayConfig config = new GatewayConfig(host, port, stage, apiId,
                    selectionPath(routeSelectionExpression), integrations, maxFrameBytes, maxMessageBytes,
                    maxPendingOutboundBytes, idleTimeout, maxConnectionDuration, integrationTimeout,
                    acceptBinaryFrames, clock, handlerExecutor, accessLogListener, recordConnectionsRequests,
                    connectAuthorizer);
            return new LocalWebSocketApi(config, faults);
        }

        /** Builds and starts the API. */
        public LocalWebSocketApi start() {
            return build().start();
        }

        private static List<String> selectionPath(String expression) {
            if (!expression.startsWith(BODY_PREFIX) || expression.length() == BODY_PREFIX.length()) {
                throw new IllegalArgumentException(
                        "route selection expression must be $request.body.<path>: " + expression);
            }
            List<String> path = Arrays.asList(expression.substring(BODY_PREFIX.length()).split("\\.", -1));
            if (path.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("empty segment in route selection expression: " + expression);
            }
            return path;
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
