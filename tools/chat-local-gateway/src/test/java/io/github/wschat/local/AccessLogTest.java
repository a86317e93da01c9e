package io.github.wschat.local;

import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** One access log entry per event, with the fields of API Gateway's access log, and never a body. */
class AccessLogTest {

    @Test
    void given_a_session_when_it_runs_then_each_event_has_one_entry_without_bodies() throws Exception {
        ConcurrentLinkedQueue<AccessLogEntry> entries = new ConcurrentLinkedQueue<>();
        CompletableFuture<AccessLogEntry> disconnected = new CompletableFuture<>();
        RecordingHandler connect = RecordingHandler.ok();
        String secret = "TOP-SECRET-BODY";
        try (LocalWebSocketApi api = LocalWebSocketApi.builder()
                .route("$connect", connect)
                .route("$disconnect", RecordingHandler.ok())
                .twoWayRoute("echo", RecordingHandler.echoing(""))
                .route("fail", RecordingHandler.throwing())
                .accessLogListener(entry -> {
                    entries.add(entry);
                    if ("DISCONNECT".equals(entry.eventType())) {
                        disconnected.complete(entry);
                    }
                })
                .start()) {
            WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
            String id = connect.next().getRequestContext().getConnectionId();
            client.send("{\"action\":\"echo\",\"secret\":\"" + secret + "\"}");
            client.next();
            client.send("{\"action\":\"fail\",\"secret\":\"" + secret + "\"}");
            client.next();
            client.close();
            disconnected.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

            List<AccessLogEntry> log = List.copyOf(entries);
            assertThat(log).extracting(AccessLogEntry::eventType)
                    .containsExactly("CONNECT", "MESSAGE", "MESSAGE", "DISCONNECT");
            assertThat(log).allSatisfy(entry -> {
                assertThat(entry.connectionId()).isEqualTo(id);
                assertThat(entry.requestId()).matches("[A-Za-z0-9_-]{15}=");
                assertThat(entry.integrationLatencyMillis()).isNotNegative();
                assertThat(entry.line()).doesNotContain(secret)
                        .startsWith("requestId=" + entry.requestId() + " connectionId=" + id + " eventType="
                                + entry.eventType() + " routeKey=" + entry.routeKey() + " status=" + entry.status()
                                + " integrationLatency=" + entry.integrationLatencyMillis());
            });
            assertThat(log.get(1).status()).isEqualTo(200);
            assertThat(log.get(1).routeKey()).isEqualTo("echo");
            assertThat(log.get(2).status()).isEqualTo(500);
            assertThat(log.get(2).line()).endsWith(" error=\"Internal server error\"");
            assertThat(log.get(3).line()).endsWith(" disconnectStatusCode=1000 disconnectReason=\"bye\"");
        }
    }

    /**
     * Tests and launchers wait for the CONNECT entry, then broadcast: the connection must be open by then,
     * or the POST gets 410 and the broadcast drops it. The listener runs when the entry is written, so
     * what it sees of {@code connectionIds()} is the state at that instant, whatever the thread timing.
     */
    @Test
    void given_a_connect_entry_when_it_is_written_then_the_connection_is_open_and_a_post_to_it_is_delivered()
            throws Exception {
        record Logged(String connectionId, boolean open) {
        }
        AtomicReference<LocalWebSocketApi> started = new AtomicReference<>();
        BlockingQueue<Logged> connects = new LinkedBlockingQueue<>();
        try (LocalWebSocketApi api = LocalWebSocketApi.builder()
                .route("$connect", RecordingHandler.ok())
                .accessLogListener(entry -> {
                    if ("CONNECT".equals(entry.eventType())) {
                        connects.add(new Logged(entry.connectionId(),
                                started.get().connectionIds().contains(entry.connectionId())));
                    }
                })
                .build()) {
            started.set(api);
            api.start();
            ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());
            List<WebSocketTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    // the client may not even have read its handshake response when the entry is written
                    CompletableFuture<WebSocketTestClient> connecting =
                            WebSocketTestClient.builder(api.webSocketUri()).connectAsync();
                    Logged connect = connects.poll(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    assertThat(connect).as("the CONNECT entry of client %d", i).isNotNull();
                    assertThat(connect.open()).as("open when its CONNECT entry was written").isTrue();
                    String id = connect.connectionId();

                    assertThat(connections.post(id, "welcome " + i).statusCode()).isEqualTo(200);

                    WebSocketTestClient client = connecting.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    clients.add(client);
                    assertThat(client.next()).isEqualTo("welcome " + i);
                }
            } finally {
                clients.forEach(WebSocketTestClient::close);
            }
        }
    }

    @Test
    void given_no_route_for_a_message_then_its_entry_says_forbidden_without_a_latency() throws Exception {
        CompletableFuture<AccessLogEntry> message = new CompletableFuture<>();
        try (LocalWebSocketApi api = LocalWebSocketApi.builder()
                .accessLogListener(entry -> {
                    if ("MESSAGE".equals(entry.eventType())) {
                        message.complete(entry);
                    }
                })
                .start();
             WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("anything");
            client.next();

            AccessLogEntry entry = message.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(entry.status()).isEqualTo(403);
            assertThat(entry.line()).contains(" routeKey=- status=403 integrationLatency=- error=\"Forbidden\"");
        }
    }
}
