package io.github.wschat.local;

import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients chatting through a handler that fans out over the {@code @connections} API: every message
 * reaches every other client exactly once, and never its sender.
 */
class BroadcastTest {

    private static final int CLIENTS = 21;
    private static final int MESSAGES_PER_CLIENT = 2;

    private LocalWebSocketApi api;
    private BroadcastHandlers chat;
    private final List<WebSocketTestClient> clients = new ArrayList<>();
    private final CountDownLatch broadcastsDone = new CountDownLatch(CLIENTS * MESSAGES_PER_CLIENT);

    @BeforeEach
    void start() {
        chat = new BroadcastHandlers(() -> api.connectionsEndpoint());
        api = LocalWebSocketApi.builder()
                .route("$connect", chat.connect())
                .route("$disconnect", chat.disconnect())
                .route("broadcast", chat.broadcast())
                .twoWayRoute("ready", RecordingHandler.answering(200, "ready"))
                .accessLogListener(entry -> {
                    if ("broadcast".equals(entry.routeKey())) {
                        broadcastsDone.countDown();
                    }
                })
                .start();
    }

    @AfterEach
    void stop() {
        clients.forEach(WebSocketTestClient::close);
        api.close();
    }

    @Test
    void given_21_clients_when_each_broadcasts_2_messages_then_every_other_client_gets_each_exactly_once()
            throws Exception {
        for (int i = 0; i < CLIENTS; i++) {
            WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
            clients.add(client);
            // a message the server has handled proves the connection is registered and reachable
            client.send("{\"action\":\"ready\"}");
            assertThat(client.next()).isEqualTo("ready");
        }
        assertThat(chat.table()).hasSize(CLIENTS).isEqualTo(api.connectionIds());

        // all clients at once; each sends its messages one after the other (one pending send per WebSocket)
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            WebSocketTestClient client = clients.get(c);
            CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
            for (int m = 0; m < MESSAGES_PER_CLIENT; m++) {
                String body = "{\"action\":\"broadcast\",\"message\":\"from-" + c + "-msg-" + m + "\"}";
                chain = chain.thenCompose(previous -> client.sendAsync(body));
            }
            sends.add(chain);
        }
        CompletableFuture.allOf(sends.toArray(new CompletableFuture<?>[0]))
                .get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        int expectedPerClient = (CLIENTS - 1) * MESSAGES_PER_CLIENT;
        for (int c = 0; c < CLIENTS; c++) {
            List<String> received = clients.get(c).next(expectedPerClient);
            Set<String> expected = new HashSet<>();
            for (int other = 0; other < CLIENTS; other++) {
                for (int m = 0; m < MESSAGES_PER_CLIENT; m++) {
                    if (other != c) {
                        expected.add("from-" + other + "-msg-" + m);
                    }
                }
            }
            assertThat(received).as("client %d", c).doesNotHaveDuplicates();
            assertThat(new HashSet<>(received)).as("client %d", c).isEqualTo(expected);
        }
        // every successful POST made exactly one frame, and all were read above: nothing extra is on its way
        assertThat(broadcastsDone.await(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(chat.delivered()).isEqualTo(CLIENTS * expectedPerClient);
        assertThat(chat.failed()).isZero();
    }
}
