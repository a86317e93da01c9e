package io.github.wschat.testkit.connections;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The standalone server speaks the {@code @connections} protocol the way the SDK reads it: each error status
 * becomes the SDK's modeled exception, unsigned requests are refused, concurrency is counted, scripts and
 * latency apply. Without this, a sender's tests could pass against a fake the real SDK misreads.
 */
class LoopbackConnectionsApiTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static LoopbackConnectionsApi api;
    private static ApiGatewayManagementApiClient rawClient;

    @BeforeAll
    static void start() {
        api = LoopbackConnectionsApi.start();
        rawClient = ApiGatewayManagementApiClient.builder()
                .endpointOverride(api.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
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
        String id = api.connect("err-" + IDS.incrementAndGet());
        api.faults().next(id, Fault.error(status));

        AwsServiceException thrown = catchThrowableOfType(AwsServiceException.class, () -> post(id));

        assertThat(thrown).isExactlyInstanceOf(type);
        assertThat(thrown.statusCode()).isEqualTo(status);
        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
    }

    @Test
    void an_unknown_id_is_a_gone_exception() {
        GoneException thrown = catchThrowableOfType(GoneException.class, () -> post("never-connected"));

        assertThat(thrown.statusCode()).isEqualTo(410);
    }

    @Test
    void a_429_is_a_throttling_exception_for_the_retry_strategy() {
        String id = api.connect("throttled-" + IDS.incrementAndGet());
        api.faults().next(id, Fault.LIMIT_EXCEEDED);

        LimitExceededException thrown = catchThrowableOfType(LimitExceededException.class, () -> post(id));

        assertThat(thrown.isThrottlingException()).isTrue();
    }

    @Test
    void a_500_is_the_service_base_exception_with_its_status() {
        String id = api.connect("broken-" + IDS.incrementAndGet());
        api.faults().next(id, Fault.error(500));

        ApiGatewayManagementApiException thrown =
                catchThrowableOfType(ApiGatewayManagementApiException.class, () -> post(id));

        assertThat(thrown).isExactlyInstanceOf(ApiGatewayManagementApiException.class);
        assertThat(thrown.statusCode()).isEqualTo(500);
    }

    @Test
    void a_410_without_error_type_is_only_the_base_exception() {
        String id = api.connect("bare-" + IDS.incrementAndGet());
        api.faults().next(id, Fault.bareError(410));

        ApiGatewayManagementApiException thrown =
                catchThrowableOfType(ApiGatewayManagementApiException.class, () -> post(id));

        assertThat(thrown).isNotInstanceOf(GoneException.class);
        assertThat(thrown.statusCode()).isEqualTo(410);
    }

    @Test
    void an_unsigned_request_is_forbidden() throws Exception {
        String id = api.connect("unsigned-" + IDS.incrementAndGet());
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create(api.endpoint() + "/@connections/" + id))
                .POST(HttpRequest.BodyPublishers.ofString("hi"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(unsigned, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
        assertThat(api.receivedBy(id)).isEmpty();
    }

    @Test
    void the_most_requests_in_flight_at_once_are_counted() throws Exception {
        String id = api.connect("concurrent-" + IDS.incrementAndGet());
        ExecutorService callers = Executors.newFixedThreadPool(4);
        api.requests().reset();
        api.faults().hold();
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(callers.submit(() -> post(id)));
            }

            assertThat(api.requests().awaitInFlight(4, Duration.ofSeconds(10))).isTrue();
            api.faults().release();
            for (Future<?> post : posts) {
                post.get(10, TimeUnit.SECONDS);
            }

            assertThat(api.requests().maxInFlight()).isEqualTo(4);
            assertThat(api.requests().inFlight()).isZero();
            assertThat(api.receivedBy(id)).hasSize(4);
        } finally {
            api.faults().release();
            callers.shutdownNow();
        }
    }

    @Test
    void the_sdk_reads_the_description_of_a_registered_connection_and_deletes_it() {
        String id = api.connect("described-" + IDS.incrementAndGet() + "+Q=", "198.51.100.7", "curl/8.5.0");

        GetConnectionResponse info = rawClient.getConnection(g -> g.connectionId(id));
        rawClient.deleteConnection(d -> d.connectionId(id));

        assertThat(info.connectedAt()).isEqualTo(LoopbackConnectionsApi.DEFAULT_CONNECTED_AT);
        assertThat(info.lastActiveAt()).isEqualTo(LoopbackConnectionsApi.DEFAULT_LAST_ACTIVE_AT);
        assertThat(info.identity().sourceIp()).isEqualTo("198.51.100.7");
        assertThat(info.identity().userAgent()).isEqualTo("curl/8.5.0");
        assertThat(api.isLive(id)).isFalse();
        assertThat(catchThrowableOfType(GoneException.class, () -> post(id))).isNotNull();
    }

    @Test
    void each_call_is_recorded_with_its_signature_decoded_id_and_order_of_arrival() {
        String id = api.connect("recorded-" + IDS.incrementAndGet() + "+Q=");
        api.faults().next(id, Fault.LIMIT_EXCEEDED);

        catchThrowableOfType(LimitExceededException.class, () -> post(id));
        post(id);

        List<RecordedRequest> calls = api.requests().forConnection(id);
        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).as("percent-decoded").isEqualTo("/test/@connections/" + id);
            assertThat(call.connectionId()).isEqualTo(id);
            assertThat(call.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
        });
        assertThat(calls.get(1).arrivedAtNanos()).isGreaterThan(calls.get(0).arrivedAtNanos());
        assertThat(api.requests().countFor(id)).isEqualTo(2);
        assertThat(api.receivedBy(id)).containsExactly("hi");
        assertThat(api.requests().clientConnections()).isPositive();
    }

    @Test
    void a_standing_fault_answers_every_call_once_the_next_ones_are_used() {
        String id = api.connect("standing-" + IDS.incrementAndGet());
        api.faults().next(id, Fault.LIMIT_EXCEEDED);
        api.faults().always(id, Fault.error(503));

        assertThat(catchThrowableOfType(AwsServiceException.class, () -> post(id)).statusCode()).isEqualTo(429);
        assertThat(catchThrowableOfType(AwsServiceException.class, () -> post(id)).statusCode()).isEqualTo(503);
        assertThat(catchThrowableOfType(AwsServiceException.class, () -> post(id)).statusCode()).isEqualTo(503);
        assertThat(api.receivedBy(id)).isEmpty();
    }

    @Test
    void a_body_fault_answers_a_get_with_that_body_then_the_usual_description_follows() throws Exception {
        String id = api.connect("body-" + IDS.incrementAndGet());
        String capitalised = "{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\"}";
        api.faults().next(id, Fault.body(capitalised));

        HttpResponse<String> scripted = signedGet(id);
        HttpResponse<String> usual = signedGet(id);

        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(scripted.body()).isEqualTo(capitalised);
        assertThat(usual.headers().firstValue("content-type")).hasValue("application/json");
        Map<String, Object> info = JSON.std.mapFrom(usual.body());
        assertThat(info).containsOnlyKeys("connectedAt", "identity", "lastActiveAt");
        assertThat(info.get("connectedAt")).isEqualTo("2026-11-25T10:15:30.000Z");
        assertThat(info.get("identity")).isEqualTo(Map.of("sourceIp", LoopbackConnectionsApi.DEFAULT_SOURCE_IP,
                "userAgent", LoopbackConnectionsApi.DEFAULT_USER_AGENT));
    }

    @Test
    void latency_and_delayed_faults_hold_the_answer_back_at_least_that_long() {
        String id = api.connect("late-" + IDS.incrementAndGet());
        api.faults().next(id, Fault.delayed(Duration.ofMillis(300)));
        api.faults().latency(Duration.ofMillis(100));
        try {
            long start = System.nanoTime();
            post(id);
            Duration first = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            post(id);
            Duration second = Duration.ofNanos(System.nanoTime() - start);

            assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(api.receivedBy(id)).containsExactly("hi", "hi");
        } finally {
            api.faults().latency(Duration.ZERO);
        }
    }

    private static HttpResponse<String> signedGet(String id) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(api.endpoint() + "/@connections/" + id))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/execute-api/aws4_request")
                .GET()
                .build();
        return HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String id) {
        rawClient.postToConnection(p -> p.connectionId(id).data(SdkBytes.fromUtf8String("hi")));
    }
}
