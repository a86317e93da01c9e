package io.github.wschat.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's requests, one at a time (the channel stops reading while a request is answered, so
 * answers keep their order): each is answered by the {@link ServerApi} on the bounded worker pool, off the event
 * loop, since the use cases block on DynamoDB and {@code @connections}; a full pool answers 429 at once. One
 * access line per request: method, path without query, status, milliseconds; never a body, never a header.
 */
final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Whether the channel's request is being answered; read and written on its event loop only. */
    static final AttributeKey<Boolean> BUSY = AttributeKey.valueOf("wschat-server-busy");
    static final Logger ACCESS = LoggerFactory.getLogger("io.github.wschat.server.access");
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final ServerApi api;
    private final Executor workers;
    private final InFlight inFlight;

    RequestHandler(ServerApi api, Executor workers, InFlight inFlight) {
        this.api = api;
        this.workers = workers;
        this.inFlight = inFlight;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        long started = System.nanoTime();
        String method = request.method().name();
        String uri = request.uri();
        String path = ServerApi.pathOf(uri);
        // no next request is read before this one is answered, so that answers keep their order
        ctx.channel().config().setAutoRead(false);
        ctx.channel().attr(BUSY).set(true);
        inFlight.begin();
        if (request.decoderResult().isFailure()) {
            answer(ctx, ServerApi.error(400, "bad_request", "the request could not be read as HTTP/1.1"), false,
                    method, path, started);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        byte[] body = ByteBufUtil.getBytes(request.content());
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        try {
            workers.execute(() -> answer(ctx, api.handle(method, uri, authorization, body), keepAlive, method, path,
                    started));
        } catch (RejectedExecutionException e) {
            answer(ctx, ServerApi.error(429, "rate_limited", "the server is busy, try again")
                    .withHeader("Retry-After", "1"), keepAlive, method, path, started);
        }
    }

    private void answer(ChannelHandlerContext ctx, HttpAnswer answer, boolean keepAlive, String method, String path,
                        long started) {
        boolean close = !keepAlive || inFlight.draining();
        FullHttpResponse response = response(answer, !close);
        ctx.writeAndFlush(response).addListener(written -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            ACCESS.atInfo().addKeyValue("method", method).addKeyValue("path", path)
                    .addKeyValue("status", answer.status()).addKeyValue("ms", millis)
                    .log("{} {} {} {} ms", method, path, answer.status(), millis);
            ctx.channel().attr(BUSY).set(false);
            inFlight.end();
            if (close || !written.isSuccess()) {
                ctx.close();
            } else {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    static FullHttpResponse response(HttpAnswer answer, boolean keepAlive) {
        byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + "; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.headers().set(header.getKey(), header.getValue());
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
