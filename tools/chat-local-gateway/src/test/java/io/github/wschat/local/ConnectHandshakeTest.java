package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code $connect} decides the handshake: 2xx accepts, anything else rejects with that status. */
class ConnectHandshakeTest {

    private LocalWebSocketApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 500})
    void given_connect_answers_an_error_status_when_a_client_connects_then_the_handshake_is_rejected_with_it(int status)
            throws Exception {
        RecordingHandler disconnect = RecordingHandler.ok();
        ConcurrentLinkedQueue<AccessLogEntry> entries = new ConcurrentLinkedQueue<>();
        api = LocalWebSocketApi.builder()
                .route("$connect", RecordingHandler.answering(status, "{\"message\":\"no\"}"))
                .route("$disconnect", disconnect)
                .accessLogListener(entries::add)
                .start();

        assertThat(handshakeStatus(api.webSocketUri())).isEqualTo(status);
        assertThat(api.connectionIds()).isEmpty();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("CONNECT");
            assertThat(entry.status()).isEqualTo(status);
        });
        assertThat(disconnect.callCount()).isZero();
    }

    @Test
    void given_connect_throws_when_a_client_connects_then_the_handshake_is_rejected_with_500() throws Exception {
        api = LocalWebSocketApi.builder().route("$connect", RecordingHandler.throwing()).start();

        assertThat(handshakeStatus(api.webSocketUri())).isEqualTo(500);
    }

    @Test
    void given_connect_accepted_once_and_rejected_once_when_clients_connect_then_only_the_accepted_one_is_open()
            throws Exception {
        RecordingHandler connect = RecordingHandler.with((event, context) ->
                "let-me-in".equals(event.getQueryStringParameters() == null ? null
                        : event.getQueryStringParameters().get("token"))
                        ? RecordingHandler.response(200, null)
                        : RecordingHandler.response(401, null));
        api = LocalWebSocketApi.builder().route("$connect", connect).start();

        assertThat(handshakeStatus(URI.create(api.webSocketUri() + "?token=wrong"))).isEqualTo(401);
        try (WebSocketTestClient client = WebSocketTestClient.connect(URI.create(api.webSocketUri() + "?token=let-me-in"))) {
            connect.next();
            String accepted = connect.next().getRequestContext().getConnectionId();
            client.send("registered?");
            assertThat(client.next()).contains("Forbidden"); // no $default: but the connection works
            assertThat(api.connectionIds()).containsExactly(accepted);
        }
    }

    @Test
    void given_no_connect_route_when_a_client_connects_then_it_is_accepted() throws Exception {
        api = LocalWebSocketApi.builder().twoWayRoute("$default", RecordingHandler.echoing("")).start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("hello");
            assertThat(client.next()).isEqualTo("hello");
        }
    }

    @Test
    void given_connect_picks_a_subprotocol_when_the_client_offers_it_then_the_handshake_selects_it() throws Exception {
        RecordingHandler connect = RecordingHandler.with((event, context) -> {
            APIGatewayV2WebSocketResponse response = RecordingHandler.response(200, null);
            response.setHeaders(Map.of("Sec-WebSocket-Protocol", "chat.v2"));
            return response;
        });
        api = LocalWebSocketApi.builder().route("$connect", connect).start();

        try (WebSocketTestClient client = WebSocketTestClient.builder(api.webSocketUri())
                .subprotocols("chat.v1", "chat.v2").connect()) {
            assertThat(client.subprotocol()).isEqualTo("chat.v2");
            assertThat(connect.next().getHeaders().get("Sec-WebSocket-Protocol")).isEqualTo("chat.v1, chat.v2");
        }
    }

    @Test
    void given_the_stage_path_is_required_when_a_client_connects_elsewhere_then_it_gets_403() throws Exception {
        RecordingHandler connect = RecordingHandler.ok();
        api = LocalWebSocketApi.builder().stage("production").route("$connect", connect).start();
        String root = "ws://127.0.0.1:" + api.port();

        assertThat(handshakeStatus(URI.create(root + "/"))).isEqualTo(403);
        assertThat(handshakeStatus(URI.create(root + "/staging"))).isEqualTo(403);
        assertThat(handshakeStatus(URI.create(root + "/production/more"))).isEqualTo(403);
        assertThat(connect.callCount()).isZero();
        try (WebSocketTestClient client = WebSocketTestClient.connect(URI.create(root + "/production"))) {
            assertThat(connect.next().getRequestContext().getStage()).isEqualTo("production");
            assertThat(client.isClosed()).isFalse();
        }
    }

    /** The HTTP status of a refused handshake; fails if the handshake succeeds. */
    static int handshakeStatus(URI uri) throws Exception {
        return handshakeStatus(WebSocketTestClient.builder(uri));
    }

    /** The HTTP status of a refused handshake of the client {@code builder} makes; fails if it succeeds. */
    static int handshakeStatus(WebSocketTestClient.Builder builder) throws Exception {
        CompletableFuture<?> attempt = builder.connectAsync();
        Throwable failure = catchThrowable(() -> attempt.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }
}
