package io.github.wschat.local.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The API Gateway Management API, {@code /{stage}/@connections/{id}}: {@code POST} sends the body to the
 * client as one text message (200), {@code GET} describes the connection (200,
 * {@code {"connectedAt":"2026-11-25T10:15:30.000Z","identity":{"sourceIp":"…","userAgent":"…"},"lastActiveAt":"…"}},
 * the service's wire names), {@code DELETE} closes it (204). Unknown or closing connections get 410 {@code GoneException} with body {@code {"message":null}};
 * a body above the message limit 413 {@code PayloadTooLargeException}; a client whose outbound buffer is
 * full 429 {@code LimitExceededException}. Request signatures are not checked. Nothing here blocks the
 * event loop: injected delays are scheduled, sends answer when the frame is written.
 */
final class ConnectionsApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsApi.class);

    private static final String GONE_BODY = "{\"message\":null}";
    private static final JSON JSON_WITH_NULLS = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private final GatewayRuntime runtime;

    ConnectionsApi(GatewayRuntime runtime) {
        this.runtime = runtime;
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest request, String rawId, boolean keepAlive) {
        Optional<String> id = ConnectionIds.fromPathSegment(rawId);
        if (id.isEmpty()) {
            LOG.debug("refusing an invalid connection id in {}", request.uri());
            HttpResponses.error(ctx, keepAlive, 400, "BadRequestException", "Invalid connectionId");
            return;
        }
        HttpMethod method = request.method();
        if (!HttpMethod.POST.equals(method) && !HttpMethod.GET.equals(method) && !HttpMethod.DELETE.equals(method)) {
            HttpResponses.send(ctx, keepAlive, 403, HttpResponses.FORBIDDEN_BODY, "ForbiddenException");
            return;
        }
        byte[] body = HttpMethod.POST.equals(method) ? ByteBufUtil.getBytes(request.content()) : null;
        FaultInjector.Decision decision = runtime.faults().next();
        Runnable answer = () -> answer(ctx, keepAlive, method, id.get(), body, decision.failure());
        if (decision.delay().isZero()) {
            answer.run();
        } else {
            ctx.executor().schedule(answer, decision.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void answer(ChannelHandlerContext ctx, boolean keepAlive, HttpMethod method, String id, byte[] body,
                        FaultPlan.Failure failure) {
        if (failure != null) {
            LOG.debug("{} @connections/{}: injected {}", method, id, failure.errorType());
            HttpResponses.send(ctx, keepAlive, failure.status(), failure.body(), failure.errorType());
            return;
        }
        if (body != null && body.length > runtime.config().maxMessageBytes()) {
            HttpResponses.error(ctx, keepAlive, 413, "PayloadTooLargeException", "Request entity too large");
            return;
        }
        Optional<LocalConnection> found = runtime.registry().find(id).filter(LocalConnection::isReachable);
        if (found.isEmpty()) {
            HttpResponses.send(ctx, keepAlive, 410, GONE_BODY, "GoneException");
            return;
        }
        LocalConnection connection = found.get();
        if (HttpMethod.POST.equals(method)) {
            post(ctx, keepAlive, connection, body);
        } else if (HttpMethod.GET.equals(method)) {
            HttpResponses.send(ctx, keepAlive, 200, describe(connection), null);
        } else {
            connection.closeWith(1000, "Connection deleted");
            HttpResponses.send(ctx, keepAlive, 204, null, null);
        }
    }

    private static void post(ChannelHandlerContext ctx, boolean keepAlive, LocalConnection connection, byte[] body) {
        if (!connection.channel().isWritable()) {
            HttpResponses.error(ctx, keepAlive, 429, "LimitExceededException", "Too Many Requests");
            return;
        }
        connection.sendText(new String(body, StandardCharsets.UTF_8)).addListener(written -> {
            if (written.isSuccess()) {
                HttpResponses.send(ctx, keepAlive, 200, null, null);
            } else {
                HttpResponses.send(ctx, keepAlive, 410, GONE_BODY, "GoneException");
            }
        });
    }

    private static String describe(LocalConnection connection) {
        // the wire names of the service model (locationName): the SDKs show them capitalised
        // (ConnectedAt, Identity.SourceIp…), which is how the tutorial prints them
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", connection.sourceIp());
        identity.put("userAgent", connection.userAgent());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("connectedAt", AwsTimes.iso(connection.connectedAt()));
        info.put("identity", identity);
        info.put("lastActiveAt", AwsTimes.iso(connection.lastActiveAt()));
        try {
            return JSON_WITH_NULLS.asString(info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
