package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.out.MessageSenderException;
import io.github.wschat.core.testing.SystemProperties;
import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.connections.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.metrics.LoggingMetricPublisher;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.github.wschat.aws.apigateway.TestSenders.MAX_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/** {@link ApiGatewayMessageSender} with the real SDK client against {@link LoopbackConnectionsApi}. */
class ApiGatewayMessageSenderTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final MessagePayload HELLO = MessagePayload.of("hello, everyone!");

    private static LoopbackConnectionsApi api;
    private ApiGatewayMessageSender sender;

    @BeforeAll
    static void startApi() {
        api = LoopbackConnectionsApi.start();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @BeforeEach
    void createSender() {
        sender = TestSenders.senderFor(api).build();
    }

    @AfterEach
    void closeSender() {
        sender.close();
    }

    private static ConnectionId live() {
        return ConnectionId.of(api.connect("live-" + IDS.incrementAndGet() + "+Q="));
    }

    private static ConnectionId unknown() {
        return ConnectionId.of("unknown-" + IDS.incrementAndGet());
    }

    @Nested
    class PostToConnection {

        @Test
        void given_a_live_connection_when_sent_to_then_delivered_by_one_signed_post_of_the_utf8_bytes() {
            ConnectionId id = live();
            MessagePayload payload = MessagePayload.of("grüß dich ✓ 🚀");

            DeliveryOutcome outcome = sender.send(id, payload);

            assertThat(outcome).isEqualTo(DeliveryOutcome.delivered());
            assertThat(api.receivedBy(id.value())).containsExactly("grüß dich ✓ 🚀");
            RecordedRequest request = onlyRequestFor(id);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/test/@connections/" + id.value());
            assertThat(request.header("Content-Length"))
                    .isEqualTo(String.valueOf("grüß dich ✓ 🚀".getBytes(StandardCharsets.UTF_8).length));
            assertThat(request.header("Authorization"))
                    .startsWith("AWS4-HMAC-SHA256 Credential=" + TestSenders.ACCESS_KEY_ID + "/")
                    .contains("/us-east-1/execute-api/aws4_request")
                    .contains("SignedHeaders=")
                    .contains("Signature=");
            assertThat(request.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        }

        @Test
        void given_a_gone_connection_when_sent_to_then_gone_after_one_request() {
            ConnectionId id = unknown();

            assertThat(sender.send(id, HELLO)).isEqualTo(DeliveryOutcome.gone());
            assertThat(api.requests().countFor(id.value())).isEqualTo(1);
        }

        @Test
        void given_a_410_without_error_type_when_sent_to_then_still_gone() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.bareError(410));

            assertThat(sender.send(id, HELLO)).isEqualTo(DeliveryOutcome.gone());
            assertThat(api.receivedBy(id.value())).isEmpty();
        }

        @Test
        void given_a_413_when_sent_then_failed_as_payload_too_large_and_not_retried() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(413));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.reason()).startsWith("payload too large").contains("HTTP 413 PayloadTooLargeException");
            assertThat(api.requests().countFor(id.value())).isEqualTo(1);
            assertThat(api.receivedBy(id.value())).isEmpty();
        }

        @Test
        void given_a_403_when_sent_then_failed_as_forbidden_naming_the_permission_and_not_retried() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(403));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.reason()).startsWith("forbidden")
                    .contains("HTTP 403 ForbiddenException")
                    .contains("execute-api:ManageConnections");
            assertThat(api.requests().countFor(id.value())).isEqualTo(1);
        }

        @Test
        void given_a_429_then_200_when_sent_then_the_sdk_retries_and_it_is_delivered_once() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(429));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome).isEqualTo(DeliveryOutcome.delivered());
            assertThat(api.requests().countFor(id.value())).isEqualTo(2);
            assertThat(api.receivedBy(id.value())).containsExactly(HELLO.text());
        }

        @Test
        void given_a_500_then_200_when_sent_then_the_sdk_retries_and_it_is_delivered_once() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(500));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome).isEqualTo(DeliveryOutcome.delivered());
            assertThat(api.requests().countFor(id.value())).isEqualTo(2);
            assertThat(api.receivedBy(id.value())).containsExactly(HELLO.text());
        }

        @Test
        void given_always_500_when_sent_then_failed_after_exactly_max_attempts() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.error(500));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.reason()).startsWith("server error")
                    .contains("HTTP 500")
                    .endsWith("after " + MAX_ATTEMPTS + " attempts");
            assertThat(api.requests().countFor(id.value())).isEqualTo(MAX_ATTEMPTS);
        }

        @Test
        void given_always_429_when_sent_then_failed_as_throttled_after_exactly_max_attempts() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.error(429));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
            assertThat(outcome.reason()).startsWith("throttled")
                    .contains("HTTP 429 LimitExceededException")
                    .endsWith("after " + MAX_ATTEMPTS + " attempts");
            assertThat(api.requests().countFor(id.value())).isEqualTo(MAX_ATTEMPTS);
        }

        @Test
        void given_max_attempts_1_when_the_server_fails_then_no_retry() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(500));
            try (ApiGatewayMessageSender once = TestSenders.senderFor(api).maxAttempts(1).build()) {

                assertThat(once.send(id, HELLO).status()).isEqualTo(DeliveryOutcome.Status.FAILED);
                assertThat(api.requests().countFor(id.value())).isEqualTo(1);
            }
        }

        @Test
        void given_the_sdks_max_attempts_setting_and_no_builder_value_then_the_setting_is_used() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.error(500));
            try (SystemProperties sdkSettings = SystemProperties.set(Map.of("aws.maxAttempts", "2"));
                 ApiGatewayMessageSender configured = ApiGatewayMessageSender.builder().endpoint(api.endpoint())
                    .region(TestSenders.REGION).credentialsProvider(TestSenders.CREDENTIALS)
                    .baseDelay(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()) {

                assertThat(configured.send(id, HELLO).reason()).endsWith("after 2 attempts");
                assertThat(api.requests().countFor(id.value())).isEqualTo(2);
            }
        }

        @Test
        void given_another_4xx_when_sent_then_failed_naming_status_and_code_and_not_retried() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(400));

            DeliveryOutcome outcome = sender.send(id, HELLO);

            assertThat(outcome.reason()).isEqualTo("rejected (HTTP 400 BadRequestException)");
            assertThat(api.requests().countFor(id.value())).isEqualTo(1);
        }

        @Test
        void given_slow_answers_when_sent_then_still_delivered() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.delayed(Duration.ofMillis(400)));

            assertThat(sender.send(id, HELLO)).isEqualTo(DeliveryOutcome.delivered());
            assertThat(api.requests().countFor(id.value())).isEqualTo(1);
        }

        @Test
        void given_answers_slower_than_the_socket_timeout_when_sent_then_failed_as_not_sent_after_retries() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.delayed(Duration.ofMillis(1_500)));
            try (ApiGatewayMessageSender impatient = TestSenders.senderFor(api)
                    .socketTimeout(Duration.ofMillis(200)).maxAttempts(2).build()) {

                DeliveryOutcome outcome = impatient.send(id, HELLO);

                assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
                assertThat(outcome.reason()).startsWith("not sent (SdkClientException").endsWith("after 2 attempts");
                assertThat(api.requests().countFor(id.value())).isEqualTo(2);
            }
        }

        @Test
        void given_nothing_listening_when_sent_then_failed_as_not_sent() throws IOException {
            URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/test");
            try (ApiGatewayMessageSender unreachable = TestSenders.withTestSettings(
                    ApiGatewayMessageSender.builder().endpoint(nowhere)).maxAttempts(2).build()) {

                DeliveryOutcome outcome = unreachable.send(ConnectionId.of("anyone"), HELLO);

                assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
                assertThat(outcome.reason()).startsWith("not sent (SdkClientException")
                        .endsWith("after 2 attempts")
                        .doesNotContain("SDK Attempt Count");
            }
        }

        @Test
        void given_a_call_longer_than_the_api_call_timeout_when_sent_then_failed_without_waiting_for_the_answer() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.delayed(Duration.ofMillis(1_500)));
            try (ApiGatewayMessageSender bounded = TestSenders.senderFor(api)
                    .apiCallTimeout(Duration.ofMillis(300)).build()) {

                DeliveryOutcome outcome = bounded.send(id, HELLO);

                assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
                assertThat(outcome.reason()).startsWith("not sent (ApiCallTimeoutException");
            }
        }
    }

    @Nested
    class GetConnection {

        @Test
        void given_a_live_connection_when_asked_then_every_field_is_mapped() {
            ConnectionId id = live();

            Optional<ConnectionInfo> info = sender.connectionInfo(id);

            assertThat(info).contains(new ConnectionInfo(LoopbackConnectionsApi.DEFAULT_CONNECTED_AT,
                    LoopbackConnectionsApi.DEFAULT_LAST_ACTIVE_AT, ClientIdentity.of("203.0.113.10", "wscat/6.1.0")));
            RecordedRequest request = onlyRequestFor(id);
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
        }

        @Test
        void given_a_client_without_user_agent_when_asked_then_the_user_agent_is_unknown() {
            ConnectionId id = ConnectionId.of(api.connect("no-agent-" + IDS.incrementAndGet(), "198.51.100.7", null));

            ConnectionInfo info = sender.connectionInfo(id).orElseThrow();

            assertThat(info.identity().knownSourceIp()).contains("198.51.100.7");
            assertThat(info.identity().knownUserAgent()).isEmpty();
        }

        @Test
        void given_a_gone_connection_when_asked_then_empty_after_one_request() {
            ConnectionId id = unknown();

            assertThat(sender.connectionInfo(id)).isEmpty();
            assertThat(api.requests().countFor(id.value())).isEqualTo(1);
        }

        @Test
        void given_a_server_error_when_asked_then_a_sender_exception_with_the_sdk_cause() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.error(500));

            assertThatThrownBy(() -> sender.connectionInfo(id))
                    .isInstanceOf(MessageSenderException.class)
                    .hasMessageContaining("GetConnection " + id)
                    .hasMessageContaining("HTTP 500")
                    .hasCauseInstanceOf(AwsServiceException.class);
            assertThat(api.requests().countFor(id.value())).isEqualTo(MAX_ATTEMPTS);
        }

        @Test
        void given_forbidden_when_asked_then_a_sender_exception() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.error(403));

            assertThatThrownBy(() -> sender.connectionInfo(id))
                    .isInstanceOf(MessageSenderException.class)
                    .hasMessageContaining("HTTP 403 ForbiddenException");
        }

        @Test
        void given_nothing_listening_when_asked_then_a_sender_exception_with_the_io_cause() throws IOException {
            URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/test");
            try (ApiGatewayMessageSender unreachable = TestSenders.withTestSettings(
                    ApiGatewayMessageSender.builder().endpoint(nowhere)).maxAttempts(1).build()) {

                assertThatThrownBy(() -> unreachable.connectionInfo(ConnectionId.of("anyone")))
                        .isInstanceOf(MessageSenderException.class)
                        .hasCauseInstanceOf(SdkClientException.class);
            }
        }

        /*
         * The chat tutorial's $default reply shows ConnectedAt, Identity.SourceIp…: that is the
         * JavaScript SDK's rendering. On the wire the members are camelCase, and the Java SDK reads
         * only those; this pins down why the fake answers camelCase.
         */
        @Test
        void given_the_capitalized_shape_of_the_tutorial_reply_when_asked_then_the_sdk_reads_no_connected_at() {
            ConnectionId id = live();
            api.faults().next(id.value(), Fault.body("{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\","
                    + "\"Identity\":{\"SourceIp\":\"203.0.113.10\",\"UserAgent\":\"wscat\"},"
                    + "\"LastActiveAt\":\"2026-11-25T10:15:30.000Z\"}"));

            assertThatThrownBy(() -> sender.connectionInfo(id))
                    .isInstanceOf(MessageSenderException.class)
                    .hasMessageContaining("without ConnectedAt");
        }
    }

    @Nested
    class DeleteConnection {

        @Test
        void given_a_live_connection_when_disconnected_then_true_and_it_is_gone() {
            ConnectionId id = live();

            assertThat(sender.disconnect(id)).isTrue();

            assertThat(onlyRequestFor(id).method()).isEqualTo("DELETE");
            assertThat(api.isLive(id.value())).isFalse();
            assertThat(sender.send(id, HELLO)).isEqualTo(DeliveryOutcome.gone());
        }

        @Test
        void given_a_gone_connection_when_disconnected_then_false_without_error() {
            ConnectionId id = unknown();

            assertThat(sender.disconnect(id)).isFalse();
            assertThat(sender.disconnect(id)).isFalse();
        }

        @Test
        void given_a_server_error_when_disconnected_then_a_sender_exception() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.error(500));

            assertThatThrownBy(() -> sender.disconnect(id))
                    .isInstanceOf(MessageSenderException.class)
                    .hasMessageContaining("DeleteConnection " + id)
                    .hasCauseInstanceOf(AwsServiceException.class);
            assertThat(api.isLive(id.value())).isTrue();
        }
    }

    @Nested
    class Building {

        @Test
        void without_endpoint_or_client_then_build_fails() {
            assertThatThrownBy(() -> ApiGatewayMessageSender.builder().build())
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("endpoint");
        }

        @Test
        void with_a_client_and_settings_it_would_ignore_then_build_fails() {
            try (ApiGatewayManagementApiClient client = sdkClient()) {
                assertThatThrownBy(() -> ApiGatewayMessageSender.builder().client(client).maxAttempts(2).build())
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> ApiGatewayMessageSender.builder().client(client).endpoint(api.endpoint()).build())
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> ApiGatewayMessageSender.builder().client(client)
                        .metricPublisher(LoggingMetricPublisher.create()).build())
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void with_bad_values_then_build_fails() {
            assertThatThrownBy(() -> TestSenders.senderFor(api).maxAttempts(0).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TestSenders.senderFor(api).baseDelay(Duration.ZERO).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TestSenders.withTestSettings(ApiGatewayMessageSender.builder()
                    .endpoint(URI.create("ftp://example.com/prod"))).build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TestSenders.withTestSettings(ApiGatewayMessageSender.builder()
                    .endpoint(URI.create("/prod"))).build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void with_an_injected_client_then_it_is_used_and_left_open() {
            ConnectionId id = live();
            try (ApiGatewayManagementApiClient client = sdkClient()) {
                ApiGatewayMessageSender injected = ApiGatewayMessageSender.create(client);
                assertThat(injected.endpoint()).contains(api.endpoint());

                assertThat(injected.send(id, HELLO)).isEqualTo(DeliveryOutcome.delivered());
                injected.close();

                assertThat(client.getConnection(get -> get.connectionId(id.value())).connectedAt())
                        .isEqualTo(LoopbackConnectionsApi.DEFAULT_CONNECTED_AT);
            }
        }

        @Test
        void with_default_retry_settings_then_a_failing_call_makes_4_attempts() {
            ConnectionId id = live();
            api.faults().always(id.value(), Fault.error(503));
            try (ApiGatewayMessageSender defaults = ApiGatewayMessageSender.builder()
                    .endpoint(api.endpoint())
                    .region(TestSenders.REGION)
                    .credentialsProvider(TestSenders.CREDENTIALS)
                    .baseDelay(Duration.ofMillis(1))
                    .build()) {

                DeliveryOutcome outcome = defaults.send(id, HELLO);

                assertThat(outcome.reason()).startsWith("server error (HTTP 503").endsWith("after 4 attempts");
                assertThat(api.requests().countFor(id.value())).isEqualTo(ApiGatewayMessageSender.DEFAULT_MAX_ATTEMPTS).isEqualTo(4);
            }
        }

        @Test
        void with_an_injected_client_then_closing_the_sender_never_closes_it() {
            ApiGatewayManagementApiClient client = mock(ApiGatewayManagementApiClient.class);
            given(client.postToConnection(ArgumentMatchers.<Consumer<PostToConnectionRequest.Builder>>any()))
                    .willThrow(GoneException.builder().statusCode(410).message("gone").build());
            ApiGatewayMessageSender injected = ApiGatewayMessageSender.create(client);

            assertThat(injected.send(ConnectionId.of("someone"), HELLO)).isEqualTo(DeliveryOutcome.gone());
            injected.close();

            then(client).should(never()).close();
            assertThat(injected.endpoint()).isEmpty();
        }

        @Test
        void with_an_endpoint_then_the_sender_names_it() {
            assertThat(sender.endpoint()).contains(api.endpoint());
            assertThat(sender).hasToString("ApiGatewayMessageSender[" + api.endpoint() + "]");
        }

        private ApiGatewayManagementApiClient sdkClient() {
            return ApiGatewayManagementApiClient.builder()
                    .endpointOverride(api.endpoint())
                    .region(TestSenders.REGION)
                    .credentialsProvider(TestSenders.CREDENTIALS)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
    }

    private static RecordedRequest onlyRequestFor(ConnectionId id) {
        assertThat(api.requests().countFor(id.value())).isEqualTo(1);
        return api.requests().all().stream()
                .filter(r -> r.connectionId().equals(id.value()))
                .findFirst().orElseThrow();
    }

    /** A port nothing listens on: bound, then released. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
