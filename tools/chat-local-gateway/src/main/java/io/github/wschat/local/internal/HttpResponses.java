package io.github.wschat.local.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * HTTP answers shaped like API Gateway's: JSON body, {@code x-amzn-RequestId}, and on errors the
 * {@code x-amzn-ErrorType} header from which the AWS SDK (restJson protocol) reads the error code and picks
 * the modeled exception ({@code GoneException}, {@code LimitExceededException}…).
 */
final class HttpResponses {

    static final String FORBIDDEN_BODY = "{\"message\":\"Forbidden\"}";

    private HttpResponses() {
    }

    static void send(ChannelHandlerContext ctx, boolean keepAlive, int status, String body, String errorType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status),
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            response.headers().set("x-amzn-ErrorType", errorType);
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    static void error(ChannelHandlerContext ctx, boolean keepAlive, int status, String errorType, String message) {
        send(ctx, keepAlive, status, "{\"message\":\"" + message + "\"}", errorType);
    }
}
