package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code @connections} management API: POST, GET, DELETE, and its errors, as API Gateway answers them. */
class ConnectionsApiTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final RecordingHandler connect = RecordingHandler.ok();
    private final RecordingHandler disconnect = RecordingHandler.ok();
    private final ConcurrentLinkedQueue<AccessLogEntry> log = new ConcurrentLinkedQueue<>();
    private LocalWebSocketApi api;
    private ConnectionsClient connections;
    private WebSocketTestClient client;
    private String id;

    @BeforeEach
    void start() throws Exception {
        api = LocalWebSocketApi.builder()
                .stage("production")
                .route("$connect", connect)
                .route("$disconnect", disconnect)
                .twoWayRoute("$default", RecordingHandler.echoing(""))
                .accessLogListener(log::add)
                .start();
        connections = new ConnectionsClient(api.connectionsEndpoint());
        client = WebSocketTestClient.builder(api.webSocketUri()).headers(Map.of("User-Agent", "wscat/6.1.0")).connect();
        id = connect.next().getRequestContext().getConnectionId();
        client.send("ready"); // handled, so the connection is registered
        assertThat(client.next()).isEqualTo("ready");
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    @Test
    void given_an_open_connection_when_data_is_posted_then_the_client_gets_it_as_one_text_message() throws Exception {
        HttpResponse<String> response = connections.post(id, "{\"text\":\"héllo\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(client.next()).isEqualTo("{\"text\":\"héllo\"}");
    }

    @Test
    void given_an_open_connection_when_the_gateway_sends_to_it_in_process_then_the_client_gets_it() throws Exception {
        boolean written = api.sendToConnection(id, "pushed in process").get(10, TimeUnit.SECONDS);

        assertThat(written).isTrue();
        assertThat(client.next()).isEqualTo("pushed in process");
    }

    @Test
    void given_an_unknown_id_when_the_gateway_sends_to_it_in_process_then_it_reports_not_written() throws Exception {
        assertThat(api.sendToConnection("AAAAAAAAAAAAAAA=", "lost").get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void given_an_open_connection_when_it_is_described_then_the_body_has_the_management_api_shape() throws Exception {
        HttpResponse<String> response = connections.get(id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        Map<String, Object> info = JSON.std.mapFrom(response.body());
        // the wire names of the service model; SDKs expose them as ConnectedAt, Identity.SourceIp…
        assertThat(info).containsOnlyKeys("connectedAt", "identity", "lastActiveAt");
        assertThat((String) info.get("connectedAt")).matches(ISO_MILLIS);
        assertThat((String) info.get("lastActiveAt")).matches(ISO_MILLIS)
                .isGreaterThanOrEqualTo((String) info.get("connectedAt"));
        assertThat(info.get("identity")).isEqualTo(Map.of("sourceIp", "127.0.0.1", "userAgent", "wscat/6.1.0"));
    }

    @Test
    void given_an_open_connection_when_it_is_deleted_then_204_the_client_is_closed_and_disconnect_fires()
            throws Exception {
        HttpResponse<String> response = connections.delete(id);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(client.awaitClose().code()).isEqualTo(1000);
        APIGatewayV2WebSocketEvent event = disconnect.next();
        assertThat(event.getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(connections.post(id, "too late").statusCode()).isEqualTo(410);
        assertThat(connections.get(id).statusCode()).isEqualTo(410);
        assertThat(connections.delete(id).statusCode()).isEqualTo(410);
    }

    @Test
    void given_an_unknown_id_when_it_is_called_then_410_gone_exception_with_a_null_message() throws Exception {
        for (HttpResponse<String> response : List.of(
                connections.post("Bq3xkcNyoAMCJpQ=", "x"), connections.get("Bq3xkcNyoAMCJpQ="),
                connections.delete("Bq3xkcNyoAMCJpQ="))) {
            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");
            assertThat(response.body()).isEqualTo("{\"message\":null}");
        }
    }

    @Test
    void given_data_above_128_kb_when_posted_then_413_payload_too_large_and_exactly_128_kb_passes() throws Exception {
        HttpResponse<String> tooLarge = connections.post(id, "x".repeat(128 * 1024 + 1));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("x-amzn-ErrorType")).hasValue("PayloadTooLargeException");

        assertThat(connections.post(id, "y".repeat(128 * 1024)).statusCode()).isEqualTo(200);
        assertThat(client.next()).hasSize(128 * 1024).startsWith("yyy");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/production/@connections/..",
            "/production/@connections/../@connections/ID",
            "/production/@connections/a%2Fb",
            "/production/@connections/a%2F..%2F..%2Fetc",
            "/production/@connections/%2e%2e",
            "/production/@connections/a%252Fb",
            "/production/@connections/bad%ZZ",
            "/production/@connections/a/b",
            "/production/@connections/",
            "/production/@connections/a%20b",
            "/production/@connections/a.b",
    })
    void given_an_invalid_connection_id_when_called_then_400_bad_request_and_no_lookup(String rawPath)
            throws Exception {
        String path = rawPath.replace("ID", id);
        for (String method : new String[] {"POST", "GET", "DELETE"}) {
            String response = connections.rawRequest(method, path);
            assertThat(response).startsWith("HTTP/1.1 400 ").containsIgnoringCase("x-amzn-ErrorType: BadRequestException");
        }
        assertThat(api.connectionIds()).containsExactly(id);
        assertThat(client.pending()).isEmpty();
    }

    @Test
    void given_an_id_longer_than_128_characters_when_called_then_400() throws Exception {
        assertThat(connections.get("A".repeat(129)).statusCode()).isEqualTo(400);
        assertThat(connections.get("A".repeat(128)).statusCode()).isEqualTo(410);
    }

    @Test
    void given_a_wrong_stage_or_path_when_called_then_403_forbidden_exception() throws Exception {
        for (String path : new String[] {"/staging/@connections/" + id, "/@connections/" + id, "/production/other/" + id,
                "/production"}) {
            HttpResponse<String> response = connections.onPath("POST", path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(path).hasValue("ForbiddenException");
        }
        assertThat(client.pending()).isEmpty();
    }

    @Test
    void given_a_connect_handler_that_posts_to_its_own_connection_then_it_gets_410_since_it_is_not_established_yet()
            throws Exception {
        CompletableFuture<Integer> statusSeenByConnect = new CompletableFuture<>();
        try (LocalWebSocketApi early = LocalWebSocketApi.builder()
                .route("$connect", RecordingHandler.with((event, context) -> {
                    try {
                        ConnectionsClient self = new ConnectionsClient(
                                java.net.URI.create("http://127.0.0.1:" + event.getRequestContext().getDomainName()
                                        .substring(event.getRequestContext().getDomainName().indexOf(':') + 1)
                                        + "/" + event.getRequestContext().getStage()));
                        statusSeenByConnect.complete(self.post(event.getRequestContext().getConnectionId(), "hi")
                                .statusCode());
                    } catch (Exception e) {
                        statusSeenByConnect.completeExceptionally(e);
                    }
                    return RecordingHandler.response(200, null);
                }))
                .start();
             WebSocketTestClient connected = WebSocketTestClient.connect(early.webSocketUri())) {
            assertThat(statusSeenByConnect.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(410);
            assertThat(connected.isClosed()).isFalse();
        }
    }
}
