package io.github.wschat.local;

import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.CloseStatus;
import io.github.wschat.testkit.websocket.RawWebSocketClient;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $disconnect} fires once for every accepted connection, however it ends: a close frame, a dropped
 * TCP connection, the idle timeout, the maximum duration, or the emulator stopping. The access log has the
 * close status the event cannot carry. The one exception is made on purpose: {@code dropWithoutDisconnect}
 * loses it, as AWS may (it is best effort), so that what the handlers stored for the connection stays stale
 * and {@code @connections} answers 410 for it as for any unknown id.
 */
class DisconnectTest {

    private final RecordingHandler connect = RecordingHandler.ok();
    private final RecordingHandler disconnect = RecordingHandler.ok();
    private final Map<String, CompletableFuture<AccessLogEntry>> disconnects = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<AccessLogEntry> log = new ConcurrentLinkedQueue<>();
    private LocalWebSocketApi api;

    private LocalWebSocketApi.Builder builder() {
        return LocalWebSocketApi.builder()
                .route("$connect", connect)
                .route("$disconnect", disconnect)
                .twoWayRoute("$default", RecordingHandler.echoing(""))
                .accessLogListener(entry -> {
                    log.add(entry);
                    if ("DISCONNECT".equals(entry.eventType())) {
                        disconnectOf(entry.connectionId()).complete(entry);
                    }
                });
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void given_a_client_that_closes_with_a_code_when_it_does_then_disconnect_fires_with_that_code() throws Exception {
        api = builder().start();
        WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
        String id = connectionId();

        client.sendClose(4000, "leaving the room");

        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(id);
        AccessLogEntry entry = awaitDisconnectLog(id);
        assertThat(entry.disconnectStatusCode()).isEqualTo(4000);
        assertThat(entry.disconnectReason()).isEqualTo("leaving the room");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(client.awaitClose().code()).isEqualTo(4000);
    }

    @Test
    void given_a_raw_tcp_client_when_its_connection_drops_without_a_close_frame_then_disconnect_fires_with_1006()
            throws Exception {
        api = builder().start();
        String id;
        try (RawWebSocketClient raw = RawWebSocketClient.connect(URI.create("ws://127.0.0.1:" + api.port() + "/local?via=raw"))) {
            assertThat(raw.handshakeResponse()).startsWith("HTTP/1.1 101")
                    .contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="); // RFC 6455's sample accept key
            id = connectionId();
            raw.abort(); // RST: the network drops, no close frame
        }

        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(awaitDisconnectLog(id).disconnectStatusCode()).isEqualTo(1006);
    }

    @Test
    void given_a_jdk_client_when_it_aborts_then_disconnect_fires() throws Exception {
        api = builder().start();
        WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
        String id = connectionId();

        client.abort();

        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(awaitDisconnectLog(id).disconnectStatusCode()).isEqualTo(1006);
    }

    @Test
    void given_a_short_idle_timeout_when_a_client_stays_silent_then_it_is_closed_with_1001_and_disconnect_fires()
            throws Exception {
        api = builder().idleTimeout(Duration.ofMillis(300)).start();
        long start = System.nanoTime();
        WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
        String id = connectionId();

        CloseStatus status = client.awaitClose();

        assertThat(status.code()).isEqualTo(1001);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(awaitDisconnectLog(id).disconnectReason()).isEqualTo("Going away");
    }

    @Test
    void given_a_short_maximum_duration_when_a_client_stays_connected_then_it_is_closed_with_1001_and_disconnect_fires()
            throws Exception {
        api = builder().idleTimeout(Duration.ofMinutes(10)).maxConnectionDuration(Duration.ofMillis(300)).start();
        long start = System.nanoTime();
        WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
        String id = connectionId();
        client.send("activity does not extend the maximum duration");
        client.next();

        assertThat(client.awaitClose().code()).isEqualTo(1001);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(awaitDisconnectLog(id).disconnectStatusCode()).isEqualTo(1001);
    }

    @Test
    void given_open_connections_when_the_api_closes_then_clients_get_1001_and_each_disconnect_fires() throws Exception {
        api = builder().start();
        WebSocketTestClient first = WebSocketTestClient.connect(api.webSocketUri());
        String firstId = connectionId();
        WebSocketTestClient second = WebSocketTestClient.connect(api.webSocketUri());
        String secondId = connectionId();
        first.send("registered?");
        first.next();
        second.send("registered?");
        second.next();

        api.close();

        assertThat(first.awaitClose().code()).isEqualTo(1001);
        assertThat(second.awaitClose().code()).isEqualTo(1001);
        // close() returns after the running handlers, $disconnect included, are done
        assertThat(disconnect.callCount()).isEqualTo(2);
        assertThat(awaitDisconnectLog(firstId).disconnectStatusCode()).isEqualTo(1001);
        assertThat(awaitDisconnectLog(secondId).disconnectStatusCode()).isEqualTo(1001);
    }

    @Test
    void given_two_open_connections_when_one_is_dropped_without_disconnect_then_its_client_sees_1006_a_post_to_it_410_and_only_the_other_gets_disconnect()
            throws Exception {
        api = builder().start();
        ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());
        WebSocketTestClient dropped = WebSocketTestClient.connect(api.webSocketUri());
        String droppedId = connectionId();
        WebSocketTestClient other = WebSocketTestClient.connect(api.webSocketUri());
        String otherId = connectionId();
        dropped.send("ready?");
        assertThat(dropped.next()).isEqualTo("ready?");

        assertThat(api.dropWithoutDisconnect(droppedId)).as("dropped").isTrue();

        HttpResponse<String> post = connections.post(droppedId, "anyone there?");
        assertThat(post.statusCode()).as("a POST to the dropped id").isEqualTo(410);
        assertThat(post.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
        assertThat(post.body()).isEqualTo(connections.post("AAAAAAAAAAAAAAA=", "anyone there?").body());
        assertThat(api.connectionIds()).containsExactly(otherId);
        CloseStatus seen = dropped.awaitClose();
        assertThat(seen.code()).as("what the dropped client saw: %s", seen).isEqualTo(CloseStatus.ABNORMAL_CLOSURE);
        assertThat(api.dropWithoutDisconnect(droppedId)).as("dropped twice").isFalse();
        assertThat(connections.post(otherId, "still here").statusCode()).isEqualTo(200);
        assertThat(other.next()).isEqualTo("still here");

        // close() returns once every $disconnect it fires has run: the other's, and nothing for the dropped one
        api.close();

        assertThat(other.awaitClose().code()).isEqualTo(1001);
        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(otherId);
        assertThat(disconnect.callCount()).as("$disconnect calls left").isZero();
        assertThat(log).filteredOn(entry -> "DISCONNECT".equals(entry.eventType()))
                .extracting(AccessLogEntry::connectionId).containsExactly(otherId);
        assertThat(log).filteredOn(entry -> droppedId.equals(entry.connectionId()))
                .extracting(AccessLogEntry::eventType).containsExactly("CONNECT", "MESSAGE");
    }

    @Test
    void given_an_unknown_id_when_it_is_dropped_without_disconnect_then_nothing_happens() {
        api = builder().start();

        assertThat(api.dropWithoutDisconnect("AAAAAAAAAAAAAAA=")).isFalse();
    }

    private String connectionId() throws InterruptedException {
        return connect.next().getRequestContext().getConnectionId();
    }

    private CompletableFuture<AccessLogEntry> disconnectOf(String id) {
        return disconnects.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    private AccessLogEntry awaitDisconnectLog(String id) throws Exception {
        return disconnectOf(id).get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
