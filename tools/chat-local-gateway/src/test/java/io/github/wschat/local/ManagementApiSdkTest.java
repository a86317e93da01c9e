package io.github.wschat.local;

import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.FaultInjection;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real AWS SDK v2 management client, pointed at the emulator, signs its calls (ignored) and maps the
 * emulator's errors to the same modeled exceptions as in AWS: the {@code x-amzn-ErrorType} header does it.
 */
class ManagementApiSdkTest {

    private final RecordingHandler connect = RecordingHandler.ok();
    private final RecordingHandler disconnect = RecordingHandler.ok();
    private LocalWebSocketApi api;
    private ApiGatewayManagementApiClient sdk;
    private WebSocketTestClient client;
    private String id;

    @BeforeEach
    void start() throws Exception {
        api = LocalWebSocketApi.builder()
                .stage("production")
                .route("$connect", connect)
                .route("$disconnect", disconnect)
                .twoWayRoute("$default", RecordingHandler.echoing(""))
                .start();
        sdk = client(api.connectionsEndpoint());
        client = WebSocketTestClient.builder(api.webSocketUri()).headers(Map.of("User-Agent", "wscat/6.1.0")).connect();
        id = connect.next().getRequestContext().getConnectionId();
        client.send("ready");
        assertThat(client.next()).isEqualTo("ready");
    }

    @AfterEach
    void stop() {
        sdk.close();
        client.close();
        api.close();
    }

    @Test
    void given_the_sdk_client_when_it_posts_gets_and_deletes_then_it_works_as_against_aws() throws Exception {
        // connection ids end with '=', which the SDK sends percent-encoded
        assertThat(id).endsWith("=");
        sdk.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("from the SDK")));
        assertThat(client.next()).isEqualTo("from the SDK");

        GetConnectionResponse info = sdk.getConnection(b -> b.connectionId(id));
        assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(info.identity().userAgent()).isEqualTo("wscat/6.1.0");
        assertThat(info.connectedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(info.lastActiveAt()).isAfterOrEqualTo(info.connectedAt());

        sdk.deleteConnection(b -> b.connectionId(id));
        assertThat(client.awaitClose().code()).isEqualTo(1000);
        assertThat(disconnect.next().getRequestContext().getConnectionId()).isEqualTo(id);
    }

    @Test
    void given_a_gone_connection_when_the_sdk_posts_then_it_throws_gone_exception() {
        assertThatThrownBy(() -> sdk.postToConnection(b -> b.connectionId("Bq3xkcNyoAMCJpQ=")
                .data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(GoneException.class)
                .satisfies(e -> assertThat(((GoneException) e).statusCode()).isEqualTo(410));
    }

    @Test
    void given_data_above_128_kb_when_the_sdk_posts_then_it_throws_payload_too_large_exception() {
        assertThatThrownBy(() -> sdk.postToConnection(b -> b.connectionId(id)
                .data(SdkBytes.fromUtf8String("x".repeat(128 * 1024 + 1)))))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void given_throttling_when_the_sdk_posts_then_it_throws_limit_exceeded_exception() {
        api.injectFaults(FaultInjection.builder().fail(Fault.LIMIT_EXCEEDED, 1.0).build());

        assertThatThrownBy(() -> sdk.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).isThrottlingException()).isTrue());
    }

    @Test
    void given_a_wrong_stage_in_the_endpoint_when_the_sdk_posts_then_it_throws_forbidden_exception() {
        URI wrong = URI.create("http://127.0.0.1:" + api.port() + "/staging");
        try (ApiGatewayManagementApiClient misconfigured = client(wrong)) {
            assertThatThrownBy(() -> misconfigured.postToConnection(b -> b.connectionId(id)
                    .data(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    private static ApiGatewayManagementApiClient client(URI endpoint) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
