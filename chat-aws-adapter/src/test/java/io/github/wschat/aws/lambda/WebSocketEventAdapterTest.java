package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.github.wschat.aws.ApiGatewayChat;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.ConnectionStoreException;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.service.BroadcastSettings;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.Level;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.github.wschat.aws.lambda.LambdaEvents.connect;
import static io.github.wschat.aws.lambda.LambdaEvents.defaultMessage;
import static io.github.wschat.aws.lambda.LambdaEvents.disconnect;
import static io.github.wschat.aws.lambda.LambdaEvents.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The event adapter's mapping, on the in-memory adapters: every route, every bad input, every
 * failure answered. The same session against DynamoDB Local and the loopback {@code @connections}
 * server is {@link WebSocketEventAdapterEndToEndTest}.
 */
class WebSocketEventAdapterTest {

    private static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30Z");

    private final InMemoryConnectionStore store = InMemoryConnectionStore.create();
    private final InMemoryMessageSender sender = InMemoryMessageSender.create();
    private final List<URI> endpointsAsked = new ArrayList<>();
    private final WebSocketEventAdapter adapter = ApiGatewayChat.builder()
            .connectionStore(store)
            .messageSenders(uri -> {
                endpointsAsked.add(uri);
                return sender;
            })
            .clock(Clock.fixed(CONNECTED_AT, ZoneOffset.UTC))
            .build()
            .adapter();

    private final ConnectionId a = ConnectionId.of("Bq3xkcNyoAMCJpQ=");
    private final ConnectionId b = ConnectionId.of("Bq3yBfgkoAMCKlw=");

    @Test
    void connect_stores_the_connection_with_the_events_identity() {
        APIGatewayV2WebSocketResponse response = adapter.onConnect(connect(a.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(store.find(a)).contains(Connection.of(a, CONNECTED_AT, ClientIdentity.of("203.0.113.10", "wscat/6.1.0")));
        assertThat(endpointsAsked).as("$connect creates no sender").isEmpty();
    }

    @Test
    void the_tutorial_session_a_and_b_connect_a_sends_only_b_receives() {
        adapter.handle(connect(a.value()), null);
        adapter.handle(connect(b.value()), null);

        APIGatewayV2WebSocketResponse response = adapter.handle(sendMessage(a.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(sender.receivedBy(b)).containsExactly("hello, everyone!");
        assertThat(sender.receivedBy(a)).isEmpty();
    }

    @Test
    void default_route_answers_with_the_info_text() {
        adapter.handle(connect(a.value()), null);
        sender.registerInfo(a, new ConnectionInfo(CONNECTED_AT, Instant.parse("2026-11-25T10:16:20.877Z"),
                ClientIdentity.of("203.0.113.10", "wscat/6.1.0")));

        APIGatewayV2WebSocketResponse response = adapter.onDefault(defaultMessage(a.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(sender.receivedBy(a)).containsExactly("Use the sendmessage route to send a message. Your info:"
                + "{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\",\"Identity\":{\"SourceIp\":\"203.0.113.10\","
                + "\"UserAgent\":\"wscat/6.1.0\"},\"LastActiveAt\":\"2026-11-25T10:16:20.877Z\","
                + "\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
    }

    @Test
    void disconnect_removes_the_connection() {
        adapter.handle(connect(a.value()), null);

        APIGatewayV2WebSocketResponse response = adapter.handle(disconnect(a.value()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(store.contains(a)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hi, what can I do here?|body is not valid JSON: send {\\\"action\\\":\\\"sendmessage\\\",\\\"message\\\":\\\"…\\\"}",
            "{\"action\":\"sendmessage\"}|body has no \\\"message\\\" field",
            "{\"action\":\"sendmessage\",\"message\":42}|\\\"message\\\" must be a string, was a number",
            "{\"action\":\"sendmessage\",\"message\":\"\"}|message is empty",
    })
    void bad_input_is_answered_to_the_sender_with_400_and_nothing_is_broadcast(String body, String error) {
        adapter.handle(connect(a.value()), null);
        adapter.handle(connect(b.value()), null);

        APIGatewayV2WebSocketResponse response = adapter.onSendMessage(sendMessage(a.value(), body), null);

        String expected = "{\"error\":\"" + error + "\"}";
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo(expected);
        assertThat(sender.receivedBy(a)).containsExactly(expected);
        assertThat(sender.receivedBy(b)).isEmpty();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void an_oversized_message_is_answered_with_its_size_and_nothing_is_broadcast() {
        adapter.handle(connect(a.value()), null);
        adapter.handle(connect(b.value()), null);
        String body = "{\"action\":\"sendmessage\",\"message\":\"" + "x".repeat(200 * 1024) + "\"}";

        APIGatewayV2WebSocketResponse response = adapter.onSendMessage(sendMessage(a.value(), body), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(sender.receivedBy(a)).containsExactly(
                "{\"error\":\"message is 204800 bytes, more than the limit of 131072 bytes\"}");
        assertThat(sender.receivedBy(b)).isEmpty();
    }

    @Test
    void a_binary_body_is_refused_as_binary() {
        adapter.handle(connect(a.value()), null);
        APIGatewayV2WebSocketEvent event = sendMessage(a.value(), Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, 0, 1}));
        event.setIsBase64Encoded(true);

        APIGatewayV2WebSocketResponse response = adapter.onSendMessage(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(sender.receivedBy(a)).containsExactly("{\"error\":\"body is binary data: send a JSON text message\"}");
    }

    @Test
    void a_base64_encoded_text_body_is_decoded() {
        adapter.handle(connect(a.value()), null);
        adapter.handle(connect(b.value()), null);
        APIGatewayV2WebSocketEvent event = sendMessage(a.value(), Base64.getEncoder().encodeToString(
                "{\"message\":\"héllo\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(adapter.onSendMessage(event, null).getStatusCode()).isEqualTo(200);
        assertThat(sender.receivedBy(b)).containsExactly("héllo");
    }

    @Test
    void an_unknown_route_is_answered_to_its_sender() {
        APIGatewayV2WebSocketEvent event = sendMessage(a.value(), "{}");
        event.getRequestContext().setRouteKey("shout");

        APIGatewayV2WebSocketResponse response = adapter.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(sender.receivedBy(a)).containsExactly("{\"error\":\"unknown route \\\"shout\\\"\"}");
    }

    @Test
    void events_that_are_not_websocket_events_get_400_not_an_exception() {
        assertThat(adapter.handle(null, null).getStatusCode()).isEqualTo(400);
        assertThat(adapter.handle(new APIGatewayV2WebSocketEvent(), null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void a_connection_id_that_could_bend_a_url_is_refused_before_any_store_or_sender_call() {
        APIGatewayV2WebSocketResponse response = adapter.handle(connect("../../admin"), null);
        APIGatewayV2WebSocketResponse sent = adapter.handle(sendMessage("a/b"), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("connectionId");
        assertThat(sent.getStatusCode()).isEqualTo(400);
        assertThat(store.size()).isZero();
        assertThat(endpointsAsked).isEmpty();
    }

    @Test
    void a_domain_name_that_could_bend_the_endpoint_is_refused() {
        APIGatewayV2WebSocketEvent event = sendMessage(a.value());
        event.getRequestContext().setDomainName("evil.example/@connections/x?");

        APIGatewayV2WebSocketResponse response = adapter.handle(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("domainName");
        assertThat(endpointsAsked).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com, $default, https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/$default",
            "[::1]:3001, local, https://[::1]:3001/local",
            "localhost:3001, local, https://localhost:3001/local"
    })
    void a_dollar_default_stage_and_an_ip_literal_or_host_with_port_make_the_endpoint(
            String domainName, String stage, String endpoint) {
        APIGatewayV2WebSocketEvent event = sendMessage(a.value());
        event.getRequestContext().setDomainName(domainName);
        event.getRequestContext().setStage(stage);

        assertThat(adapter.handle(event, null).getStatusCode()).isEqualTo(200);
        assertThat(endpointsAsked).containsExactly(URI.create(endpoint));
    }

    @Test
    void an_event_without_stage_or_with_a_stage_that_could_bend_the_endpoint_is_refused_naming_the_stage() {
        APIGatewayV2WebSocketEvent missing = sendMessage(a.value());
        missing.getRequestContext().setStage(null);
        APIGatewayV2WebSocketEvent bending = sendMessage(a.value());
        bending.getRequestContext().setStage("../admin");

        APIGatewayV2WebSocketResponse missingResponse = adapter.handle(missing, null);
        APIGatewayV2WebSocketResponse bendingResponse = adapter.handle(bending, null);

        assertThat(missingResponse.getStatusCode()).isEqualTo(400);
        assertThat(missingResponse.getBody()).contains("stage is missing");
        assertThat(bendingResponse.getStatusCode()).isEqualTo(400);
        assertThat(bendingResponse.getBody()).contains("stage is not a stage name").doesNotContain("../admin");
        assertThat(endpointsAsked).isEmpty();
    }

    @Test
    void the_endpoint_is_https_domain_name_slash_stage_and_its_sender_is_made_once() {
        adapter.handle(defaultMessage(a.value()), null);
        adapter.handle(sendMessage(a.value()), null);
        adapter.handle(sendMessage(b.value()), null);

        assertThat(endpointsAsked).containsExactly(URI.create("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/production"));
    }

    @Test
    void an_explicit_endpoint_wins_over_the_event() {
        URI custom = URI.create("https://chat.example.com/v1");
        List<URI> asked = new ArrayList<>();
        WebSocketEventAdapter withCustomDomain = ApiGatewayChat.builder().connectionStore(store)
                .messageSenders(uri -> {
                    asked.add(uri);
                    return sender;
                }).adapter(events -> events.endpoint(custom)).build().adapter();

        withCustomDomain.handle(sendMessage(a.value()), null);

        assertThat(asked).containsExactly(custom);
    }

    @Test
    void the_services_and_adapter_settings_reach_the_services_of_every_endpoint_and_the_adapter() {
        WebSocketEventAdapter tuned = ApiGatewayChat.builder().connectionStore(store)
                .messageSenders(uri -> sender)
                .services(services -> services.broadcastSettings(
                        BroadcastSettings.defaults().withPayloadLimit(PayloadLimit.ofBytes(8))))
                .adapter(events -> events.sendMessageRoute("say"))
                .build().adapter();
        tuned.handle(connect(a.value()), null);
        tuned.handle(connect(b.value()), null);

        APIGatewayV2WebSocketResponse shortOne = tuned.handle(said(a, "{\"action\":\"say\",\"message\":\"hi b\"}"), null);
        APIGatewayV2WebSocketResponse longOne = tuned.handle(said(a, "{\"action\":\"say\",\"message\":\"nine byte\"}"), null);

        assertThat(shortOne.getStatusCode()).isEqualTo(200);
        assertThat(longOne.getStatusCode()).isEqualTo(400);
        assertThat(longOne.getBody()).contains("more than the limit of 8 bytes");
        assertThat(sender.receivedBy(b)).containsExactly("hi b");
    }

    private static APIGatewayV2WebSocketEvent said(ConnectionId from, String body) {
        APIGatewayV2WebSocketEvent event = sendMessage(from.value(), body);
        event.getRequestContext().setRouteKey("say");
        return event;
    }

    @Test
    void a_store_failure_gives_500_on_every_route_and_no_exception() {
        WebSocketEventAdapter broken = ApiGatewayChat.builder().connectionStore(new FailingStore())
                .messageSenders(uri -> sender).build().adapter();

        assertThat(broken.handle(connect(a.value()), null).getStatusCode()).isEqualTo(500);
        assertThat(broken.handle(disconnect(a.value()), null).getStatusCode()).isEqualTo(500);
        assertThat(broken.handle(sendMessage(a.value()), null).getStatusCode()).isEqualTo(500);
        assertThat(broken.handle(sendMessage(a.value()), null).getBody()).doesNotContain("DynamoDB is down");
    }

    @Test
    void a_failure_answered_with_500_is_logged_at_error_with_the_events_request_id_and_the_cause() {
        WebSocketEventAdapter broken = ApiGatewayChat.builder().connectionStore(new FailingStore())
                .messageSenders(uri -> sender).build().adapter();
        APIGatewayV2WebSocketEvent event = sendMessage(a.value());
        String requestId = "request-" + UUID.randomUUID();
        event.getRequestContext().setRequestId(requestId);

        try (LogCapture log = LogCapture.start()) {
            assertThat(broken.handle(event, null).getStatusCode()).isEqualTo(500);

            assertThat(log.recordsAtLeast(Level.ERROR)).singleElement().satisfies(error -> {
                assertThat(error.logger()).isEqualTo(WebSocketEventAdapter.class.getName());
                assertThat(error.text()).contains(requestId).contains("sendmessage")
                        .contains(ConnectionStoreException.class.getName() + ": DynamoDB is down");
            });
        }
    }

    @Test
    void given_an_event_without_request_id_when_answered_with_500_then_the_lambda_request_id_is_logged() {
        WebSocketEventAdapter broken = ApiGatewayChat.builder().connectionStore(new FailingStore())
                .messageSenders(uri -> sender).build().adapter();
        APIGatewayV2WebSocketEvent event = connect(a.value());
        event.getRequestContext().setRequestId(null);
        String awsRequestId = UUID.randomUUID().toString();
        Context context = mock(Context.class);
        given(context.getAwsRequestId()).willReturn(awsRequestId);

        try (LogCapture log = LogCapture.start()) {
            assertThat(broken.handle(event, context).getStatusCode()).isEqualTo(500);

            assertThat(log.recordsAtLeast(Level.ERROR)).singleElement()
                    .satisfies(error -> assertThat(error.text()).contains(awsRequestId));
        }
    }

    @Test
    void a_sender_factory_failure_gives_500() {
        WebSocketEventAdapter broken = ApiGatewayChat.builder().connectionStore(store)
                .messageSenders(uri -> {
                    throw new IllegalStateException("no credentials");
                }).build().adapter();

        assertThat(broken.handle(sendMessage(a.value()), null).getStatusCode()).isEqualTo(500);
        assertThat(broken.handle(defaultMessage(a.value()), null).getStatusCode()).isEqualTo(500);
    }

    /** A store whose every call fails, as DynamoDB does when unreachable. */
    private static final class FailingStore implements ConnectionStore {
        @Override
        public void save(Connection connection) {
            throw down();
        }

        @Override
        public void remove(ConnectionId id) {
            throw down();
        }

        @Override
        public Optional<Connection> find(ConnectionId id) {
            throw down();
        }

        @Override
        public ConnectionPage findPage(PageRequest request) {
            throw down();
        }

        private static ConnectionStoreException down() {
            return new ConnectionStoreException("DynamoDB is down", new java.io.IOException("connection refused"));
        }
    }
}
