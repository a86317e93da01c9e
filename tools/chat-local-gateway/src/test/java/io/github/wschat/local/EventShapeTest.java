package io.github.wschat.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events handlers see are shaped like API Gateway's: the same keys as the real samples of
 * {@code shared/events} (compared on the JSON the Lambda runtime would read), values of the same form.
 */
class EventShapeTest {

    private static final String REQUEST_TIME = "\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000";
    private static final String ID = "[A-Za-z0-9_-]{15}=";
    private static final String[] NESTED = {"requestContext", "requestContext.identity"};

    private final RecordingHandler connect = RecordingHandler.ok();
    private final RecordingHandler disconnect = RecordingHandler.ok();
    private final RecordingHandler sendMessage = RecordingHandler.ok();
    private final RecordingHandler defaultRoute = RecordingHandler.ok();
    private LocalWebSocketApi api;

    @BeforeEach
    void start() {
        api = LocalWebSocketApi.builder()
                .stage("production")
                .apiId("a1b2c3d4e5")
                .route(Route.oneWay("$connect", connect).withFunctionName("OnConnectFunction"))
                .route("$disconnect", disconnect)
                .route("sendmessage", sendMessage)
                .route("$default", defaultRoute)
                .start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void given_a_client_with_headers_and_a_token_when_it_connects_then_the_connect_event_has_the_real_keys_and_values()
            throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.builder(
                        java.net.URI.create(api.webSocketUri() + "?token=example-token&room=a&room=b"))
                .headers(Map.of("User-Agent", "wscat/6.1.0", "X-Test", "yes"))
                .connect()) {
            RecordingHandler.Call call = connect.nextCall();
            APIGatewayV2WebSocketEvent event = call.event();

            Map<String, Object> sample = EventJson.sample("connect.json");
            Map<String, Object> actual = EventJson.of(event);
            assertThat(EventJson.keyPaths(actual, NESTED)).isEqualTo(EventJson.keyPaths(sample, NESTED));

            APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
            assertThat(context.getRouteKey()).isEqualTo("$connect");
            assertThat(context.getEventType()).isEqualTo("CONNECT");
            assertThat(context.getMessageId()).isNull();
            assertThat(context.getRequestId()).matches(ID).isEqualTo(context.getExtendedRequestId());
            assertThat(context.getConnectionId()).matches(ID);
            assertThat(context.getRequestTime()).matches(REQUEST_TIME);
            assertThat(context.getRequestTimeEpoch()).isGreaterThanOrEqualTo(context.getConnectedAt());
            assertThat(context.getMessageDirection()).isEqualTo("IN");
            assertThat(context.getStage()).isEqualTo("production");
            assertThat(context.getApiId()).isEqualTo("a1b2c3d4e5");
            assertThat(context.getDomainName()).isEqualTo("127.0.0.1:" + api.port());
            assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
            assertThat(context.getIdentity().getUserAgent()).isEqualTo("wscat/6.1.0");

            // the client's headers, without the hop-by-hop ones, plus those API Gateway adds
            Set<String> sampleHeaders = lowerCase(((Map<?, ?>) sample.get("headers")).keySet());
            sampleHeaders.remove("sec-websocket-extensions"); // wscat offers compression, the JDK client does not
            assertThat(lowerCase(event.getHeaders().keySet())).containsAll(sampleHeaders)
                    .contains("x-test").doesNotContain("connection", "upgrade");
            assertThat(lowerCase(event.getMultiValueHeaders().keySet())).isEqualTo(lowerCase(event.getHeaders().keySet()));
            assertThat(event.getHeaders().get("X-Test")).isEqualTo("yes");
            assertThat(event.getHeaders().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
            assertThat(event.getHeaders().get("X-Forwarded-Port")).isEqualTo(Integer.toString(api.port()));
            assertThat(event.getHeaders().get("X-Amzn-Trace-Id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
            assertThat(event.getQueryStringParameters()).containsEntry("token", "example-token").containsEntry("room", "b");
            assertThat(event.getMultiValueQueryStringParameters().get("room")).containsExactly("a", "b");
            assertThat(event.isIsBase64Encoded()).isFalse();

            assertThat(call.functionName()).isEqualTo("OnConnectFunction");
            assertThat(call.awsRequestId()).matches("[0-9a-f-]{36}");
            assertThat(call.remainingMillis()).isPositive().isLessThanOrEqualTo(29_000);
            assertThat(call.threadName()).startsWith("wschat-local-lambda-");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void given_a_connected_client_when_it_sends_messages_then_the_message_events_have_the_real_keys() throws Exception {
        try (WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri())) {
            APIGatewayV2WebSocketEvent connectEvent = connect.next();

            client.send("{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}");
            APIGatewayV2WebSocketEvent routed = sendMessage.next();
            assertThat(EventJson.keyPaths(EventJson.of(routed), NESTED))
                    .isEqualTo(EventJson.keyPaths(EventJson.sample("message-sendmessage.json"), NESTED));
            assertThat(routed.getBody()).isEqualTo("{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}");
            assertThat(routed.getRequestContext().getRouteKey()).isEqualTo("sendmessage");
            assertThat(routed.getRequestContext().getEventType()).isEqualTo("MESSAGE");
            assertThat(routed.getRequestContext().getMessageId()).matches(ID);
            assertThat(routed.getRequestContext().getConnectedAt())
                    .isEqualTo(connectEvent.getRequestContext().getConnectedAt());
            assertThat(routed.getRequestContext().getRequestId())
                    .isNotEqualTo(connectEvent.getRequestContext().getRequestId());
            assertThat(routed.getHeaders()).isNull();
            assertThat(routed.getQueryStringParameters()).isNull();

            client.send("hi, what can I do here?");
            APIGatewayV2WebSocketEvent fallback = defaultRoute.next();
            assertThat(EventJson.keyPaths(EventJson.of(fallback), NESTED))
                    .isEqualTo(EventJson.keyPaths(EventJson.sample("message-default.json"), NESTED));
            assertThat(fallback.getRequestContext().getRouteKey()).isEqualTo("$default");
            assertThat(fallback.getBody()).isEqualTo("hi, what can I do here?");
            assertThat(fallback.getRequestContext().getMessageId())
                    .isNotEqualTo(routed.getRequestContext().getMessageId());
        }
    }

    @Test
    void given_a_connected_client_when_it_closes_then_the_disconnect_event_has_the_real_keys_but_the_close_status()
            throws Exception {
        WebSocketTestClient client = WebSocketTestClient.connect(api.webSocketUri());
        String id = connect.next().getRequestContext().getConnectionId();
        client.close();

        APIGatewayV2WebSocketEvent event = disconnect.next();
        TreeSet<String> expected = EventJson.keyPaths(EventJson.sample("disconnect.json"), NESTED);
        // APIGatewayV2WebSocketEvent does not model these two: the access log has them
        expected.removeAll(Set.of("requestContext.disconnectStatusCode", "requestContext.disconnectReason"));
        assertThat(EventJson.keyPaths(EventJson.of(event), NESTED)).isEqualTo(expected);
        assertThat(event.getRequestContext().getConnectionId()).isEqualTo(id);
        assertThat(event.getRequestContext().getRouteKey()).isEqualTo("$disconnect");
        assertThat(event.getRequestContext().getEventType()).isEqualTo("DISCONNECT");
        assertThat(event.getHeaders()).containsOnlyKeys("Host", "x-api-key", "X-Forwarded-For", "x-restapi")
                .containsEntry("Host", "127.0.0.1:" + api.port());
    }

    private static Set<String> lowerCase(Set<?> names) {
        return names.stream().map(name -> name.toString().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
