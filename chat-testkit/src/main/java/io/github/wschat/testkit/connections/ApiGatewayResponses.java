package io.github.wschat.testkit.connections;

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
 * the modeled exception ({@code GoneException}, {@code LimitExceededException}…). For Netty servers that
 * play API Gateway, such as {@link ConnectionsProtocol}'s hosts.
 */
public final class ApiGatewayResponses {

    /** The body of a 403 {@code ForbiddenException}: a wrong stage or path. */
    public static final String FORBIDDEN_BODY = "{\"message\":\"Forbidden\"}";

    private ApiGatewayResponses() {
    }

    /**
     * Writes an answer; closes the connection after it unless {@code keepAlive}.
     *
     * @param body      the JSON body, {@code null} for none
     * @param errorType the {@code x-amzn-ErrorType} header, {@code null} for none
     */
    public static void send(ChannelHandlerContext ctx, boolean keepAlive, int status, String body, String errorType) {
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
        write(ctx, keepAlive, response);
    }

    /** Writes the fault's answer: its status, error type and body. */
    public static void send(ChannelHandlerContext ctx, boolean keepAlive, Fault fault) {
        send(ctx, keepAlive, fault.status(), fault.body(), fault.errorType());
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Writes an error with the JSON body {@code {"message":"<message>"}}. */
    public static void error(ChannelHandlerContext ctx, boolean keepAlive, int status, String errorType, String message) {
        send(ctx, keepAlive, status, "{\"message\":\"" + message + "\"}", errorType);
    }
}
