package io.github.wschat.local.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection, from the {@code $connect} request to its {@code $disconnect}.
 *
 * <p>A connection is <em>accepted</em> once {@code $connect} allowed it (from then on, its
 * {@code $disconnect} will fire) and <em>open</em> once the handshake response is written (from then on,
 * the {@code @connections} API reaches it). Close status: the first recorded wins (the client's close
 * frame, a limit, a timeout); a connection that ends without one was dropped (1006).
 */
final class LocalConnection {

    static final int ABNORMAL_CLOSURE = 1006;

    /** How long a server-side close waits for the client's close frame before it closes the TCP connection. */
    static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

    private final String id;
    private final Channel channel;
    private final long connectedAt;
    private final String sourceIp;
    private final String userAgent;
    private final String domainName;
    private final int maxFrameBytes;

    private volatile long lastActiveAt;
    private volatile boolean accepted;
    private volatile boolean open;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> endHandled = new CompletableFuture<>();
    private final Object closeLock = new Object();
    private int closeCode = ABNORMAL_CLOSURE;
    private String closeReason = "Connection closed abnormally";
    private boolean closeRecorded;
    private volatile ScheduledFuture<?> maxDurationTimer;
    private volatile Map<String, Object> authorizer;

    LocalConnection(String id, Channel channel, long connectedAt, String sourceIp, String userAgent,
                    String domainName, int maxFrameBytes) {
        this.id = id;
        this.channel = channel;
        this.connectedAt = connectedAt;
        this.lastActiveAt = connectedAt;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.domainName = domainName;
        this.maxFrameBytes = maxFrameBytes;
    }

    String id() {
        return id;
    }

    Channel channel() {
        return channel;
    }

    long connectedAt() {
        return connectedAt;
    }

    long lastActiveAt() {
        return lastActiveAt;
    }

    String sourceIp() {
        return sourceIp;
    }

    /** The User-Agent header of the {@code $connect} request, or {@code null}. */
    String userAgent() {
        return userAgent;
    }

    String domainName() {
        return domainName;
    }

    /** What the {@code $connect} authorizer allowed it with: its events' {@code requestContext.authorizer}. */
    void authorize(Map<String, Object> authorizer) {
        this.authorizer = authorizer;
    }

    /** Its events' {@code requestContext.authorizer}, {@code null} without an authorizer. */
    Map<String, Object> authorizer() {
        return authorizer;
    }

    void touch(long now) {
        lastActiveAt = now;
    }

    void accept() {
        accepted = true;
    }

    boolean isAccepted() {
        return accepted;
    }

    void open(ScheduledFuture<?> maxDurationTimer) {
        this.maxDurationTimer = maxDurationTimer;
        open = true;
    }

    /** Whether the {@code @connections} API can reach this connection. */
    boolean isReachable() {
        return open && !closing.get() && channel.isActive();
    }

    boolean isClosing() {
        return closing.get();
    }

    /** Marks the close handshake as started; true for the first caller only. */
    boolean markClosing() {
        return closing.compareAndSet(false, true);
    }

    /** Marks the end of the connection; true for the first caller only, who fires {@code $disconnect}. */
    boolean markEnded() {
        ScheduledFuture<?> timer = maxDurationTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        return ended.compareAndSet(false, true);
    }

    /** Marks that the end was handled: its {@code $disconnect}, if any, is invoked. */
    void endHandled() {
        endHandled.complete(null);
    }

    /** Completes once the end of the connection was handled (see {@link #endHandled()}). */
    CompletableFuture<Void> whenEndHandled() {
        return endHandled;
    }

    /** Records why the connection closes, unless a reason was recorded already. */
    void recordClose(int code, String reason) {
        synchronized (closeLock) {
            if (!closeRecorded) {
                closeRecorded = true;
                closeCode = code;
                closeReason = reason == null ? "" : reason;
            }
        }
    }

    int closeCode() {
        synchronized (closeLock) {
            return closeCode;
        }
    }

    String closeReason() {
        synchronized (closeLock) {
            return closeReason;
        }
    }

    /**
     * Closes from the server side as RFC 6455 §7.1.1 has it: a close frame with the code and reason, then
     * the TCP connection once the client answered with its close frame (or closed), or after
     * {@link #CLOSE_HANDSHAKE_TIMEOUT}. Meanwhile what the client still sends is read and dropped, so that
     * a client still writing a message the server refused is not reset before it can read the close frame.
     */
    void closeWith(int code, String reason) {
        recordClose(code, reason);
        if (!markClosing()) {
            return;
        }
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                channel.close();
                return;
            }
            ScheduledFuture<?> force = channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_HANDSHAKE_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            channel.closeFuture().addListener(closed -> force.cancel(false));
        });
    }

    /** Sends a text message, in frames of at most the frame size, as API Gateway does. */
    ChannelFuture sendText(String text) {
        return send(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    /** Sends a binary message, in frames of at most the frame size. */
    ChannelFuture sendBinary(byte[] data) {
        return send(Unpooled.wrappedBuffer(data), true);
    }

    private ChannelFuture send(ByteBuf payload, boolean binary) {
        ChannelPromise promise = channel.newPromise();
        // all fragments in one event-loop task, so that no other message interleaves with them
        Runnable write = () -> writeFragments(payload, binary, promise);
        if (channel.eventLoop().inEventLoop()) {
            write.run();
        } else {
            try {
                channel.eventLoop().execute(write);
            } catch (RuntimeException rejected) {
                payload.release();
                promise.tryFailure(rejected);
            }
        }
        return promise;
    }

    private void writeFragments(ByteBuf payload, boolean binary, ChannelPromise promise) {
        int length = payload.readableBytes();
        if (length <= maxFrameBytes) {
            WebSocketFrame frame = binary ? new BinaryWebSocketFrame(payload) : new TextWebSocketFrame(payload);
            channel.writeAndFlush(frame, promise);
            return;
        }
        int offset = 0;
        while (offset < length) {
            int size = Math.min(maxFrameBytes, length - offset);
            boolean last = offset + size == length;
            ByteBuf part = payload.retainedSlice(payload.readerIndex() + offset, size);
            WebSocketFrame frame;
            if (offset == 0) {
                frame = binary ? new BinaryWebSocketFrame(false, 0, part) : new TextWebSocketFrame(false, 0, part);
            } else {
                frame = new ContinuationWebSocketFrame(last, 0, part);
            }
            if (last) {
                channel.writeAndFlush(frame, promise);
            } else {
                channel.write(frame);
            }
            offset += size;
        }
        payload.release();
    }
}
