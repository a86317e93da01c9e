package io.github.wschat.aws.apigateway;

import io.github.wschat.aws.apigateway.FakeConnectionsApi.Answer;
import io.github.wschat.core.domain.ConnectionId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fake speaks the {@code @connections} protocol the way the SDK reads it: each error status
 * becomes the SDK's modeled exception, unsigned requests are refused, concurrency is counted.
 * Without this, the sender's tests could pass against a fake the real SDK misreads.
 */
class FakeConnectionsApiTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static FakeConnectionsApi api;
    private static ApiGatewayManagementApiClient rawClient;

    @BeforeAll
    static void start() {
        api = FakeConnectionsApi.start();
        rawClient = ApiGatewayManagementApiClient.builder()
                .endpointOverride(api.endpoint())
                .region(TestSenders.REGION)
                .credentialsProvider(TestSenders.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        rawClient.close();
        api.close();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(410, GoneException.class),
                Arguments.of(403, ForbiddenException.class),
                Arguments.of(413, PayloadTooLargeException.class),
                Arguments.of(429, LimitExceededException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("errors")
    void each_error_status_becomes_the_sdk_modeled_exception(int status, Class<? extends AwsServiceException> type) {
        ConnectionId id = api.connect("err-" + IDS.incrementAndGet());
        api.answerNext(id, Answer.error(status));

        AwsServiceException thrown = catchThrowableOfType(AwsServiceException.class, () -> post(id));

        assertThat(thrown).isExactlyInstanceOf(type);
        assertThat(thrown.statusCode()).isEqualTo(status);
        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
    }

    @Test
    void an_unknown_id_is_a_gone_exception() {
        GoneException thrown = catchThrowableOfType(GoneException.class,
                () -> post(ConnectionId.of("never-connected")));

        assertThat(thrown.statusCode()).isEqualTo(410);
    }

    @Test
    void a_429_is_a_throttling_exception_for_the_retry_strategy() {
        ConnectionId id = api.connect("throttled-" + IDS.incrementAndGet());
        api.answerNext(id, Answer.error(429));

        LimitExceededException thrown = catchThrowableOfType(LimitExceededException.class, () -> post(id));

        assertThat(thrown.isThrottlingException()).isTrue();
    }

    @Test
    void a_500_is_the_service_base_exception_with_its_status() {
        ConnectionId id = api.connect("broken-" + IDS.incrementAndGet());
        api.answerNext(id, Answer.error(500));

        ApiGatewayManagementApiException thrown =
                catchThrowableOfType(ApiGatewayManagementApiException.class, () -> post(id));

        assertThat(thrown).isExactlyInstanceOf(ApiGatewayManagementApiException.class);
        assertThat(thrown.statusCode()).isEqualTo(500);
    }

    @Test
    void a_410_without_error_type_is_only_the_base_exception() {
        ConnectionId id = api.connect("bare-" + IDS.incrementAndGet());
        api.answerNext(id, Answer.bareError(410));

        ApiGatewayManagementApiException thrown =
                catchThrowableOfType(ApiGatewayManagementApiException.class, () -> post(id));

        assertThat(thrown).isNotInstanceOf(GoneException.class);
        assertThat(thrown.statusCode()).isEqualTo(410);
    }

    @Test
    void an_unsigned_request_is_forbidden() throws Exception {
        ConnectionId id = api.connect("unsigned-" + IDS.incrementAndGet());
        HttpRequest unsigned = HttpRequest.newBuilder(
                        java.net.URI.create(api.endpoint() + "/@connections/" + id.value()))
                .POST(HttpRequest.BodyPublishers.ofString("hi"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(unsigned, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
        assertThat(api.receivedBy(id)).isEmpty();
    }

    @Test
    void the_most_requests_in_flight_at_once_are_counted() throws Exception {
        ConnectionId id = api.connect("concurrent-" + IDS.incrementAndGet());
        ExecutorService callers = Executors.newFixedThreadPool(4);
        api.resetStatistics();
        api.hold();
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(callers.submit(() -> post(id)));
            }

            assertThat(api.awaitInFlight(4, Duration.ofSeconds(10))).isTrue();
            api.release();
            for (Future<?> post : posts) {
                post.get(10, TimeUnit.SECONDS);
            }

            assertThat(api.maxConcurrentRequests()).isEqualTo(4);
            assertThat(api.receivedBy(id)).hasSize(4);
        } finally {
            api.release();
            callers.shutdownNow();
        }
    }

    private static void post(ConnectionId id) {
        rawClient.postToConnection(p -> p.connectionId(id.value()).data(SdkBytes.fromUtf8String("hi")));
    }
}
