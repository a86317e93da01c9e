package io.github.wschat.local.runner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A JDK WebSocket client that queues what it receives and remembers how it was closed. */
final class ChatClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // generous: a loaded 2-core machine may take long, and a passing run never waits for it
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    final String connectionId;
    private final WebSocket socket;
    private final BlockingQueue<String> received;
    private final CompletableFuture<Integer> closed;

    private ChatClient(WebSocket socket, String connectionId, BlockingQueue<String> received, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.connectionId = connectionId;
        this.received = received;
        this.closed = closed;
    }

    /** Connects and finds out its connection id (the one the gateway added). */
    static ChatClient connect() throws Exception {
        // tests connect one client at a time: the next accepted $connect is this client's
        RunningChat.CONNECTED.clear();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(RunningChat.CHAT.webSocketUri(), new Listener(received, closed))
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String id = RunningChat.CONNECTED.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(id).as("the $connect of this client").isNotNull();
        return new ChatClient(socket, id, received, closed);
    }

    static URI uri() {
        return RunningChat.CHAT.webSocketUri();
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    void sendBinary(byte[] data) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(data), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next text received, failing after the timeout. */
    String next() throws InterruptedException {
        String text = received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(text).as("a message within %s", TIMEOUT).isNotNull();
        return text;
    }

    List<String> next(int count) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(next());
        }
        return texts;
    }

    /** The close code the server sent, once closed. */
    int closeCode() throws Exception {
        return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Drops the TCP connection without a close frame. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** The JDK calls a listener one event at a time; a long message comes in parts, joined here. */
    static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<String> received;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder parts = new StringBuilder();

        Listener(BlockingQueue<String> received, CompletableFuture<Integer> closed) {
            this.received = received;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                received.add(parts.toString());
                parts.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
