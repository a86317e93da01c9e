package io.github.wschat.testkit.connections;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The API Gateway Management API, {@code /{stage}/@connections/{id}}, on Netty, for the connections of a
 * {@link LiveConnections}: {@code POST} sends the body to the connection (200), {@code GET} describes it
 * (200, {@link ConnectionInfo#toJson()}), {@code DELETE} closes it (204). What API Gateway answers
 * otherwise, with its {@code x-amzn-ErrorType} so that the AWS SDK throws the same modeled exception:
 * <ul>
 *   <li>another stage: 403 {@code ForbiddenException};</li>
 *   <li>an id that is not 1 to 128 of {@code [A-Za-z0-9_+=-]} once percent-decoded ({@code /}, {@code ..},
 *       a path with more segments): 400 {@code BadRequestException}, before any lookup;</li>
 *   <li>a method other than {@code POST}, {@code GET}, {@code DELETE}: 403;</li>
 *   <li>with {@link Builder#requireSignature(boolean)}, a call without a SigV4 {@code Authorization}
 *       header: 403;</li>
 *   <li>then the {@link Faults}' answer, if an error;</li>
 *   <li>a body above the message limit: 413 {@code PayloadTooLargeException};</li>
 *   <li>an unknown or closing connection: 410 {@code GoneException}, body {@code {"message":null}};</li>
 *   <li>a client whose outbound buffer is full: 429 {@code LimitExceededException}.</li>
 * </ul>
 * Every call past the id check is recorded in the {@link RequestLog}. Nothing blocks the event loop:
 * delays are scheduled, held answers queued, sends answer when the connection reports them sent.
 */
public final class ConnectionsProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsProtocol.class);

    private static final String CONNECTIONS = "@connections";
    private static final String SIGV4 = "AWS4-HMAC-SHA256 ";

    private final String stage;
    private final LiveConnections connections;
    private final Faults faults;
    private final RequestLog requests;
    private final boolean requireSignature;
    private final int maxMessageBytes;

    private ConnectionsProtocol(Builder builder) {
        this.stage = builder.stage;
        this.connections = builder.connections;
        this.faults = builder.faults;
        this.requests = builder.recordRequests ? RequestLog.create() : null;
        this.requireSignature = builder.requireSignature;
        this.maxMessageBytes = builder.maxMessageBytes;
    }

    /** A builder: stage and connections required; no signature check, 128 KB messages, no faults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The fault and latency script of this API. */
    public Faults faults() {
        return faults;
    }

    /** The calls this API received. */
    public RequestLog requests() {
        if (requests == null) {
            throw new IllegalStateException("this @connections API records no calls: build it with recordRequests(true)");
        }
        return requests;
    }

    /** Whether the path (no query) is a management API path, {@code /{any stage}/@connections…}: {@link #handle} answers it. */
    public static boolean isConnectionsPath(String rawPath) {
        String[] segments = segments(rawPath);
        return segments.length >= 2 && CONNECTIONS.equals(segments[1]);
    }

    /**
     * Answers a management API call, now or later; the request stays the caller's to release once this
     * returns.
     */
    public void handle(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        String[] segments = segments(rawPath);
        if (segments.length < 2 || !CONNECTIONS.equals(segments[1]) || !segments[0].equals(stage)) {
            ApiGatewayResponses.send(ctx, keepAlive, 403, ApiGatewayResponses.FORBIDDEN_BODY, "ForbiddenException");
            return;
        }
        Optional<String> id = segments.length == 3 ? ConnectionIds.fromPathSegment(segments[2]) : Optional.empty();
        if (id.isEmpty()) {
            LOG.debug("refusing an invalid connection id in {}", uri);
            ApiGatewayResponses.error(ctx, keepAlive, 400, "BadRequestException", "Invalid connectionId");
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.POST.equals(method) && !HttpMethod.GET.equals(method) && !HttpMethod.DELETE.equals(method)) {
            ApiGatewayResponses.send(ctx, keepAlive, 403, ApiGatewayResponses.FORBIDDEN_BODY, "ForbiddenException");
            return;
        }
        if (requests != null) {
            requests.arrived(record(request, id.get()), String.valueOf(ctx.channel().remoteAddress()));
        }
        String authorization = request.headers().get("Authorization");
        if (requireSignature && (authorization == null || !authorization.startsWith(SIGV4))) {
            answered();
            ApiGatewayResponses.send(ctx, keepAlive, Fault.error(403));
            return;
        }
        byte[] body = HttpMethod.POST.equals(method) ? ByteBufUtil.getBytes(request.content()) : null;
        Fault fault = faults.decide(id.get());
        Runnable answer = () -> {
            answered();
            answer(ctx, keepAlive, method, id.get(), body, fault);
        };
        faults.whenReleased(() -> later(ctx, fault.delay(), answer));
    }

    private void answered() {
        if (requests != null) {
            requests.answered();
        }
    }

    private static void later(ChannelHandlerContext ctx, Duration delay, Runnable answer) {
        if (delay.isZero()) {
            answer.run();
        } else {
            ctx.executor().schedule(answer, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void answer(ChannelHandlerContext ctx, boolean keepAlive, HttpMethod method, String id, byte[] body,
                        Fault fault) {
        if (fault.isError()) {
            LOG.debug("{} @connections/{}: injected {}", method, id, fault.status());
            ApiGatewayResponses.send(ctx, keepAlive, fault);
            return;
        }
        if (body != null && body.length > maxMessageBytes) {
            ApiGatewayResponses.error(ctx, keepAlive, 413, "PayloadTooLargeException", "Request entity too large");
            return;
        }
        if (HttpMethod.POST.equals(method)) {
            connections.post(id, body).whenComplete((delivery, failure) -> {
                if (delivery == LiveConnections.Delivery.DELIVERED) {
                    ApiGatewayResponses.send(ctx, keepAlive, 200, null, null);
                } else if (delivery == LiveConnections.Delivery.THROTTLED) {
                    ApiGatewayResponses.send(ctx, keepAlive, Fault.LIMIT_EXCEEDED);
                } else {
                    ApiGatewayResponses.send(ctx, keepAlive, Fault.GONE);
                }
            });
        } else if (HttpMethod.GET.equals(method)) {
            Optional<String> described = fault.body() != null
                    ? Optional.of(fault.body()) : connections.describe(id).map(ConnectionInfo::toJson);
            described.ifPresentOrElse(info -> ApiGatewayResponses.send(ctx, keepAlive, 200, info, null),
                    () -> ApiGatewayResponses.send(ctx, keepAlive, Fault.GONE));
        } else if (connections.delete(id)) {
            ApiGatewayResponses.send(ctx, keepAlive, 204, null, null);
        } else {
            ApiGatewayResponses.send(ctx, keepAlive, Fault.GONE);
        }
    }

    private RecordedRequest record(FullHttpRequest request, String id) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : request.headers().names()) {
            headers.put(name, request.headers().getAll(name));
        }
        String path = "/" + stage + "/" + CONNECTIONS + "/" + id;
        return new RecordedRequest(request.method().name(), path, id, headers, System.nanoTime());
    }

    private static String[] segments(String rawPath) {
        return rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[0];
    }

    /** Builds a {@link ConnectionsProtocol}. */
    public static final class Builder {

        private String stage;
        private LiveConnections connections;
        private Faults faults = Faults.create();
        private boolean recordRequests = true;
        private boolean requireSignature;
        private int maxMessageBytes = 128 * 1024;

        private Builder() {
        }

        /** The stage, first segment of every path (required). */
        public Builder stage(String stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /** The connections the API reaches (required). */
        public Builder connections(LiveConnections connections) {
            this.connections = Objects.requireNonNull(connections, "connections");
            return this;
        }

        /** Whether a call without a SigV4 {@code Authorization} header gets 403 (default false: any is accepted). */
        public Builder requireSignature(boolean require) {
            this.requireSignature = require;
            return this;
        }

        /**
         * Whether {@link #requests()} records every call with its headers (default true): a test's
         * evidence, but memory and time on every call of a long-running server.
         */
        public Builder recordRequests(boolean record) {
            this.recordRequests = record;
            return this;
        }

        /** The largest {@code POST} body (default 128 KB, API Gateway's message limit): bigger gets 413. */
        public Builder maxMessageBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMessageBytes must be positive: " + bytes);
            }
            this.maxMessageBytes = bytes;
            return this;
        }

        /** The protocol; fails if the stage or the connections are missing. */
        public ConnectionsProtocol build() {
            if (stage == null || connections == null) {
                throw new IllegalStateException("stage and connections are required");
            }
            return new ConnectionsProtocol(this);
        }
    }
}
