package io.github.wschat.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client for tests, on the JDK's {@link WebSocket}: whole messages (fragments reassembled) in
 * a queue, the close status in a future. Every wait has a timeout.
 */
final class TestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** The close status a client received. */
    record CloseStatus(int code, String reason) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final WebSocket webSocket;

    private TestClient(URI uri, Map<String, String> headers, List<String> subprotocols)
            throws InterruptedException, ExecutionException, TimeoutException {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0),
                    subprotocols.subList(1, subprotocols.size()).toArray(new String[0]));
        }
        this.webSocket = builder.buildAsync(uri, new Listener()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static TestClient connect(URI uri) throws Exception {
        return new TestClient(uri, Map.of(), List.of());
    }

    static TestClient connect(URI uri, Map<String, String> headers) throws Exception {
        return new TestClient(uri, headers, List.of());
    }

    static TestClient connect(URI uri, List<String> subprotocols) throws Exception {
        return new TestClient(uri, Map.of(), subprotocols);
    }

    /** Starts a connection without waiting for it: for handshakes expected to fail. */
    static CompletableFuture<WebSocket> attempt(URI uri) {
        return HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, new WebSocket.Listener() { });
    }

    WebSocket webSocket() {
        return webSocket;
    }

    String subprotocol() {
        return webSocket.getSubprotocol();
    }

    void send(String text) throws Exception {
        webSocket.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends one message in several frames: the first a text frame, the others continuations. */
    void sendInFrames(List<String> parts) throws Exception {
        for (int i = 0; i < parts.size(); i++) {
            webSocket.sendText(parts.get(i), i == parts.size() - 1).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void sendBinary(byte[] data) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(data), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends without waiting for the send to complete: for messages the server may cut off. */
    CompletableFuture<WebSocket> sendAsync(String text) {
        return webSocket.sendText(text, true);
    }

    /** The next whole message; fails after {@link #WAIT}. */
    String next() throws InterruptedException {
        String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + WAIT);
        }
        return message;
    }

    /** The next {@code count} whole messages. */
    List<String> next(int count) throws InterruptedException {
        List<String> received = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** The messages received and not read yet. */
    List<String> pending() {
        List<String> drained = new ArrayList<>();
        messages.drainTo(drained);
        return drained;
    }

    /** Waits for the server's close frame. */
    CloseStatus awaitClose() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    void abort() {
        webSocket.abort();
    }

    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        try {
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            webSocket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            messages.add("binary:" + Base64.getEncoder().encodeToString(bytes));
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
            closed.completeExceptionally(error);
        }
    }
}
