package io.github.wschat.testkit.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client for tests against a server on loopback, on the JDK's {@link WebSocket}: every whole
 * message it receives (fragments joined) goes to a queue that a test reads with a timeout, and the way the
 * connection ended is kept as a {@link CloseStatus}. Nothing sleeps: each wait blocks on the queue or on a
 * future and fails the test with an {@link AssertionError} once the client's {@link #timeout()} has passed.
 *
 * <pre>{@code
 * try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
 *     client.send("{\"action\":\"sendmessage\",\"message\":\"hi\"}");
 *     assertThat(client.next()).isEqualTo("hi");
 * }
 * WebSocketTestClient picky = WebSocketTestClient.builder(uri)
 *         .header("User-Agent", "wscat/6.1.0").subprotocols("chat.v1", "chat.v2").timeout(Duration.ofSeconds(90))
 *         .connect();
 * }</pre>
 *
 * <p>The JDK's client sends text in frames of at most 16 KB, writes only well-formed frames, and its
 * {@link #abort()} closes the socket with a FIN; for frames it will not write (one frame over 16 KB, a frame
 * a server must refuse) or a TCP reset, use {@link RawWebSocketClient}.
 *
 * <p>Thread-safe for reading; like the JDK's client, it allows one send at a time to be pending: wait for
 * each {@code sendAsync} before the next, or chain them.
 */
public final class WebSocketTestClient implements AutoCloseable {

    /** How long each wait lasts unless the builder sets another {@link Builder#timeout timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Duration timeout;
    private final BlockingQueue<WebSocketMessage> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private volatile WebSocket webSocket;

    private WebSocketTestClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** Connects to {@code uri} ({@code ws://host:port/path?query}) with no extra headers, within {@link #DEFAULT_TIMEOUT}. */
    public static WebSocketTestClient connect(URI uri) throws IOException, InterruptedException {
        return builder(uri).connect();
    }

    /** A builder of a client of {@code uri}: headers, subprotocols and the timeout of its waits. */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** How long each of its waits lasts before it fails the test. */
    public Duration timeout() {
        return timeout;
    }

    /** The JDK's WebSocket beneath, for what this class does not offer. */
    public WebSocket webSocket() {
        return webSocket;
    }

    /** The subprotocol the server selected, empty if none. */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    /** Sends one text message (in frames of the JDK's size) and waits until it is written. */
    public void send(String text) throws IOException, InterruptedException {
        await(sendAsync(text), "sending a text message");
    }

    /**
     * Sends one text message without waiting: for messages the server may cut off. Completes when it is
     * written, or exceptionally when the connection fails first.
     */
    public CompletableFuture<Void> sendAsync(String text) {
        return done(webSocket.sendText(text, true));
    }

    /** Sends one text message as the given frames, the first a text frame, the others continuations; waits for all. */
    public void sendInFrames(List<String> frames) throws IOException, InterruptedException {
        await(sendInFramesAsync(frames), "sending a text message in frames");
    }

    /**
     * Sends one text message as the given frames without waiting; each frame is sent once the one before
     * is written. Completes when the last is written, or exceptionally when one fails.
     */
    public CompletableFuture<Void> sendInFramesAsync(List<String> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one frame");
        }
        List<String> parts = List.copyOf(frames);
        CompletableFuture<WebSocket> chain = webSocket.sendText(parts.get(0), parts.size() == 1);
        for (int i = 1; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            chain = chain.thenCompose(ws -> ws.sendText(part, last));
        }
        return done(chain);
    }

    /** Sends one binary message and waits until it is written. */
    public void sendBinary(byte[] data) throws IOException, InterruptedException {
        await(sendBinaryAsync(data), "sending a binary message");
    }

    /** Sends one binary message without waiting. */
    public CompletableFuture<Void> sendBinaryAsync(byte[] data) {
        return done(webSocket.sendBinary(ByteBuffer.wrap(data.clone()), true));
    }

    /**
     * Sends a close frame with this code and reason and waits until it is written; {@link #awaitClose()}
     * then gives the server's answer.
     */
    public void sendClose(int code, String reason) throws IOException, InterruptedException {
        await(done(webSocket.sendClose(code, reason)), "sending a close frame");
    }

    /** The next whole text message; fails if none comes within the timeout or the next is binary. */
    public String next() throws InterruptedException {
        return nextMessage().text();
    }

    /** The next {@code count} whole text messages, in the order they came. */
    public List<String> next(int count) throws InterruptedException {
        List<String> received = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** The next whole binary message's bytes; fails if none comes within the timeout or the next is text. */
    public byte[] nextBinary() throws InterruptedException {
        return nextMessage().data();
    }

    /** The next whole message, text or binary; fails if none comes within the timeout. */
    public WebSocketMessage nextMessage() throws InterruptedException {
        return poll(timeout).orElseThrow(() -> new AssertionError("no message within " + timeout));
    }

    /** The next whole message if one comes within {@code wait}: for messages that may rightly not come. */
    public Optional<WebSocketMessage> poll(Duration wait) throws InterruptedException {
        return Optional.ofNullable(messages.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The messages received and not read yet, taken out of the queue. */
    public List<WebSocketMessage> pending() {
        List<WebSocketMessage> drained = new ArrayList<>();
        messages.drainTo(drained);
        return drained;
    }

    /** How the connection ended; waits for it for the client's timeout. */
    public CloseStatus awaitClose() throws InterruptedException {
        return awaitClose(timeout);
    }

    /**
     * How the connection ended: the server's close frame, or {@link CloseStatus#ABNORMAL_CLOSURE} if it ended
     * without one (its reason says why); fails if it has not ended within {@code wait}.
     */
    public CloseStatus awaitClose(Duration wait) throws InterruptedException {
        try {
            return closed.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the connection did not end within " + wait);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: the close status never fails", e);
        }
    }

    /** Whether the connection has ended (a close frame received, or the connection lost or aborted). */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection at once, without a close frame; the close status becomes 1006. */
    public void abort() {
        webSocket.abort();
        closed.complete(CloseStatus.abnormal("aborted by the client"));
    }

    /**
     * Ends the connection properly: sends a close frame (1000, "bye") unless one was sent, and waits for the
     * server's close for the timeout; aborts if it does not come.
     */
    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        try {
            closed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } catch (ExecutionException | TimeoutException e) {
            abort();
        }
    }

    private void await(CompletableFuture<?> future, String what) throws IOException, InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " took longer than " + timeout);
        } catch (ExecutionException e) {
            throw asIoException(e.getCause());
        }
    }

    private static IOException asIoException(Throwable cause) {
        return cause instanceof IOException io ? io : new IOException(cause);
    }

    private static CompletableFuture<Void> done(CompletableFuture<WebSocket> sent) {
        return sent.thenApply(ws -> null);
    }

    /** Builds a client: the URI, then any headers, subprotocols and the timeout; {@link #connect()} opens it. */
    public static final class Builder {

        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private List<String> subprotocols = List.of();
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** A header of the upgrade request, such as {@code User-Agent}. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Headers of the upgrade request, added to those set before. */
        public Builder headers(Map<String, String> more) {
            more.forEach(this::header);
            return this;
        }

        /** The subprotocols offered in {@code Sec-WebSocket-Protocol}, most wanted first. */
        public Builder subprotocols(String first, String... more) {
            List<String> offered = new ArrayList<>();
            offered.add(Objects.requireNonNull(first, "first"));
            offered.addAll(List.of(more));
            this.subprotocols = List.copyOf(offered);
            return this;
        }

        /** How long the handshake, each send and each wait last before they fail; {@link #DEFAULT_TIMEOUT} if unset. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Opens the connection and waits for the handshake.
         *
         * @throws IOException if the handshake fails: a {@link java.net.http.WebSocketHandshakeException} has
         *                     the server's response, with its status code
         */
        public WebSocketTestClient connect() throws IOException, InterruptedException {
            CompletableFuture<WebSocketTestClient> connecting = connectAsync();
            try {
                return connecting.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                connecting.cancel(true);
                throw new AssertionError("the WebSocket handshake with " + uri + " took longer than " + timeout);
            } catch (ExecutionException e) {
                throw asIoException(e.getCause());
            }
        }

        /**
         * Opens the connection without waiting: for handshakes expected to fail. Completes with the client,
         * or exceptionally with the JDK's error (a {@link java.net.http.WebSocketHandshakeException} for a
         * refused handshake).
         */
        public CompletableFuture<WebSocketTestClient> connectAsync() {
            WebSocketTestClient client = new WebSocketTestClient(timeout);
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(timeout);
            headers.forEach(builder::header);
            if (!subprotocols.isEmpty()) {
                builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(new String[0]));
            }
            return builder.buildAsync(uri, client.new Listener()).thenApply(webSocket -> {
                client.webSocket = webSocket;
                return client;
            });
        }
    }

    /** Joins fragments into whole messages; the JDK calls it one event at a time, so the buffers need no lock. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(new WebSocketMessage.Text(text.toString()));
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                messages.add(new WebSocketMessage.Binary(binary.toByteArray()));
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(new CloseStatus(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(CloseStatus.abnormal(String.valueOf(error)));
        }
    }
}
