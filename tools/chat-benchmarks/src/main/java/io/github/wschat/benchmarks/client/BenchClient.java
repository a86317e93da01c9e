package io.github.wschat.benchmarks.client;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One benchmark WebSocket client: sends text, gives the texts of the current {@link Broadcast} to it with
 * their arrival time, and keeps every other text in a control queue (the server's "done" notes and
 * answers to control routes).
 */
public final class BenchClient {

    private final AtomicReference<Broadcast> current;
    private final BlockingQueue<String> control = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile int index = -1;
    private volatile long handshakeNanos;

    BenchClient(AtomicReference<Broadcast> current) {
        this.current = current;
    }

    void opened(Channel channel, long handshakeNanos) {
        this.channel = channel;
        this.handshakeNanos = handshakeNanos;
    }

    void index(int index) {
        this.index = index;
    }

    void onText(String text, long receivedAtNanos) {
        Broadcast broadcast = current.get();
        if (broadcast == null || !broadcast.receive(index, text, receivedAtNanos)) {
            control.add(text);
        }
    }

    void closed() {
        closed.complete(null);
    }

    Channel channel() {
        return channel;
    }

    /** Its index among the clients of its {@link WebSocketClients}; -1 for a client connected alone. */
    public int index() {
        return index;
    }

    /** How long the WebSocket handshake took, {@code $connect} handler included, in nanoseconds. */
    public long handshakeNanos() {
        return handshakeNanos;
    }

    /** Sends a text message; returns when it is written to the socket. */
    public void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    /** The next text that was not part of a broadcast, or null if none comes within {@code timeout}. */
    public String nextControl(Duration timeout) throws InterruptedException {
        return control.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next control text that starts with {@code prefix}, skipping others; null on timeout. */
    public String nextControl(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = control.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null || text.startsWith(prefix)) {
                return text;
            }
        }
    }

    /** Forgets every control text received so far. */
    public void clearControl() {
        control.clear();
    }

    /** Sends a close frame (1000) and completes when the server has closed the connection. */
    public CompletableFuture<Void> close() {
        Channel open = channel;
        if (open == null || !open.isActive()) {
            return CompletableFuture.completedFuture(null);
        }
        open.writeAndFlush(new CloseWebSocketFrame(1000, "bye"));
        return closed;
    }
}
