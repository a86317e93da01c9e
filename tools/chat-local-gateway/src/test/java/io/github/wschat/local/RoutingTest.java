package io.github.wschat.local;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Route selection, {@code $default}, the Forbidden and Internal server error answers, one-way and two-way routes. */
class RoutingTest {

    private LocalWebSocketApi api;
    private ExecutorService singleThread;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (singleThread != null) {
            singleThread.shutdownNow();
        }
    }

    @Test
    void given_custom_routes_when_messages_select_them_then_each_goes_to_its_route_and_the_rest_to_default()
            throws Exception {
        RecordingHandler join = RecordingHandler.ok();
        RecordingHandler send = RecordingHandler.ok();
        RecordingHandler fallback = RecordingHandler.ok();
        api = LocalWebSocketApi.builder().route("join", join).route("send", send).route("$default", fallback).start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("{\"action\":\"join\",\"room\":\"r1\"}");
            assertThat(join.next().getBody()).isEqualTo("{\"action\":\"join\",\"room\":\"r1\"}");

            client.send("{\"message\":\"x\",\"action\":\"send\"}");
            assertThat(send.next().getRequestContext().getRouteKey()).isEqualTo("send");

            client.send("not json at all");
            assertThat(fallback.next().getBody()).isEqualTo("not json at all");
            client.send("{\"action\":\"unknown\"}");
            assertThat(fallback.next().getBody()).isEqualTo("{\"action\":\"unknown\"}");
            client.send("{\"action\":{\"nested\":\"join\"}}");
            assertThat(fallback.next().getBody()).isEqualTo("{\"action\":{\"nested\":\"join\"}}");
            client.send("{\"action\":\"$disconnect\"}");
            assertThat(fallback.next().getRequestContext().getRouteKey()).isEqualTo("$default");
            client.send("{\"broken\":");
            assertThat(fallback.next().getBody()).isEqualTo("{\"broken\":");
        }
        assertThat(join.callCount()).isZero();
        assertThat(send.callCount()).isZero();
    }

    @Test
    void given_a_nested_route_selection_expression_when_a_message_has_the_value_then_it_is_routed() throws Exception {
        RecordingHandler typed = RecordingHandler.ok();
        RecordingHandler fallback = RecordingHandler.ok();
        api = LocalWebSocketApi.builder()
                .routeSelectionExpression("$request.body.meta.type")
                .route("ping", typed)
                .route("$default", fallback)
                .start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("{\"meta\":{\"type\":\"ping\"}}");
            assertThat(typed.next().getRequestContext().getRouteKey()).isEqualTo("ping");
            client.send("{\"action\":\"ping\"}");
            assertThat(fallback.next().getBody()).isEqualTo("{\"action\":\"ping\"}");
        }
    }

    @Test
    void given_no_default_route_when_a_message_matches_nothing_then_the_client_gets_forbidden_and_stays_connected()
            throws Exception {
        RecordingHandler echo = RecordingHandler.echoing("echo:");
        api = LocalWebSocketApi.builder().twoWayRoute("echo", echo).start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("{\"action\":\"nothing\"}");
            Map<String, Object> forbidden = JSON.std.mapFrom(client.next());
            assertThat(forbidden).containsOnlyKeys("message", "connectionId", "requestId")
                    .containsEntry("message", "Forbidden");
            assertThat(api.connectionIds()).containsExactly((String) forbidden.get("connectionId"));
            assertThat((String) forbidden.get("requestId")).matches("[A-Za-z0-9_-]{15}=");

            client.send("{\"action\":\"echo\"}");
            assertThat(client.next()).isEqualTo("echo:{\"action\":\"echo\"}");
        }
    }

    @Test
    void given_a_handler_that_throws_when_a_message_reaches_it_then_the_client_gets_internal_server_error_and_can_go_on()
            throws Exception {
        RecordingHandler failing = RecordingHandler.throwing();
        RecordingHandler echo = RecordingHandler.echoing("echo:");
        api = LocalWebSocketApi.builder().route("fail", failing).twoWayRoute("$default", echo).start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("{\"action\":\"fail\"}");
            String answer = client.next();
            Map<String, Object> error = JSON.std.mapFrom(answer);
            assertThat(answer).startsWith("{\"message\": \"Internal server error\", \"connectionId\":\"");
            assertThat(error).containsOnlyKeys("message", "connectionId", "requestId");
            assertThat(error.get("connectionId")).isEqualTo(failing.next().getRequestContext().getConnectionId());

            client.send("still there?");
            assertThat(client.next()).isEqualTo("echo:still there?");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void given_one_way_and_two_way_routes_when_both_answer_then_only_the_two_way_answer_reaches_the_client()
            throws Exception {
        // one handler thread: the one-way route's invocation, and anything it would send, is done before the
        // two-way route's starts, so the first message the client gets tells whether the one-way answer was sent
        singleThread = Executors.newSingleThreadExecutor();
        RecordingHandler oneWay = RecordingHandler.answering(200, "ONE-WAY ANSWER");
        RecordingHandler twoWay = RecordingHandler.answering(200, "TWO-WAY ANSWER");
        api = LocalWebSocketApi.builder()
                .handlerExecutor(singleThread)
                .route("quiet", oneWay)
                .twoWayRoute("talk", twoWay)
                .start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("{\"action\":\"quiet\"}");
            client.send("{\"action\":\"talk\"}");
            assertThat(client.next()).isEqualTo("TWO-WAY ANSWER");
            assertThat(oneWay.next().getRequestContext().getRouteKey()).isEqualTo("quiet");

            client.send("{\"action\":\"talk\"}");
            assertThat(client.next()).isEqualTo("TWO-WAY ANSWER");
            assertThat(client.pending()).isEmpty();
        }
    }

    @Test
    void given_a_handler_slower_than_the_integration_timeout_when_it_runs_then_the_client_gets_endpoint_request_timed_out()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingHandler slow = RecordingHandler.with((event, context) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RecordingHandler.response(200, "too late");
        });
        api = LocalWebSocketApi.builder()
                .integrationTimeout(java.time.Duration.ofMillis(200))
                .twoWayRoute("$default", slow)
                .start();

        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            client.send("take your time");
            String answer = client.next();
            release.countDown();
            assertThat(JSON.std.mapFrom(answer)).containsEntry("message", "Endpoint request timed out");
            assertThat(slow.nextCall().remainingMillis()).isLessThanOrEqualTo(200);
        }
    }
}
