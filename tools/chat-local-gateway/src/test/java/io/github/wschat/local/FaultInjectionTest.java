package io.github.wschat.local;

import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.FaultInjection;
import io.github.wschat.testkit.websocket.WebSocketTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code @connections} API answers a chosen share of calls with errors or delays, reproducibly. */
class FaultInjectionTest {

    private final RecordingHandler connect = RecordingHandler.ok();
    private LocalWebSocketApi api;
    private WebSocketTestClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void given_all_calls_throttled_when_data_is_posted_then_429_limit_exceeded_and_nothing_is_sent() throws Exception {
        String id = open(FaultInjection.builder().fail(Fault.LIMIT_EXCEEDED, 1.0).build());

        HttpResponse<String> response = new ConnectionsClient(api.connectionsEndpoint()).post(id, "never sent");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("LimitExceededException");
        client.send("{\"action\":\"probe\"}");
        assertThat(client.next()).as("the first message the client gets is the probe's answer").isEqualTo("probe");
    }

    @Test
    void given_all_calls_failing_with_500_or_410_then_those_are_the_answers() throws Exception {
        String id = open(FaultInjection.builder().fail(Fault.INTERNAL_SERVER_ERROR, 1.0).build());
        ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());
        HttpResponse<String> serverError = connections.get(id);
        assertThat(serverError.statusCode()).isEqualTo(500);
        assertThat(serverError.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");

        api.injectFaults(FaultInjection.builder().fail(Fault.GONE, 1.0).build());
        HttpResponse<String> gone = connections.get(id);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).isEqualTo("{\"message\":null}");

        api.injectFaults(FaultInjection.none());
        assertThat(connections.get(id).statusCode()).isEqualTo(200);
    }

    @Test
    void given_20_percent_throttling_with_a_seed_when_500_calls_are_made_then_about_100_fail_and_the_count_repeats()
            throws Exception {
        FaultInjection faults = FaultInjection.builder().seed(20261125L).fail(Fault.LIMIT_EXCEEDED, 0.20).build();
        String id = open(faults);

        int first = throttledOf500(id);
        api.injectFaults(faults); // same seed again: same draws, even though 8 callers race differently
        int second = throttledOf500(id);

        // binomial(500, 0.2): mean 100, standard deviation ~8.9; the seed makes the count exact anyway
        assertThat(first).isBetween(70, 130);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void given_all_calls_delayed_when_one_is_made_then_it_is_answered_after_the_delay() throws Exception {
        String id = open(FaultInjection.builder().delay(Duration.ofMillis(250), 1.0).build());
        ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());

        long start = System.nanoTime();
        HttpResponse<String> response = connections.post(id, "late");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(client.next()).isEqualTo("late");
    }

    @Test
    void given_a_fault_scripted_for_the_connection_then_only_its_next_call_gets_it_and_the_calls_are_recorded()
            throws Exception {
        String id = open(FaultInjection.none());
        ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());
        api.connectionsFaults().next(id, Fault.error(503));

        HttpResponse<String> unavailable = connections.get(id);
        HttpResponse<String> described = connections.get(id);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableException");
        assertThat(described.statusCode()).isEqualTo(200);
        assertThat(api.connectionsRequests().countFor(id)).isEqualTo(2);
        assertThat(api.injectedFailureCount()).isEqualTo(1);
    }

    @Test
    void given_held_answers_when_data_is_posted_then_nothing_is_sent_until_they_are_released() throws Exception {
        String id = open(FaultInjection.none());
        ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());
        ExecutorService caller = Executors.newSingleThreadExecutor();
        api.connectionsFaults().hold();
        try {
            Future<HttpResponse<String>> post = caller.submit(() -> connections.post(id, "held"));

            assertThat(api.connectionsRequests().awaitInFlight(1, WebSocketTestClient.DEFAULT_TIMEOUT)).isTrue();
            assertThat(client.pending()).isEmpty();
            api.connectionsFaults().release();

            assertThat(post.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).statusCode())
                    .isEqualTo(200);
            assertThat(client.next()).isEqualTo("held");
            assertThat(api.connectionsRequests().maxInFlight()).isEqualTo(1);
        } finally {
            api.connectionsFaults().release();
            caller.shutdownNow();
        }
    }

    /** 500 GETs from 8 concurrent callers; the number answered 429. */
    private int throttledOf500(String id) throws Exception {
        ConnectionsClient connections = new ConnectionsClient(api.connectionsEndpoint());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                statuses.add(callers.submit(() -> connections.get(id).statusCode()));
            }
            int throttled = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(WebSocketTestClient.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(code).isIn(200, 429);
                if (code == 429) {
                    throttled++;
                }
            }
            return throttled;
        } finally {
            callers.shutdownNow();
        }
    }

    private String open(FaultInjection faults) throws Exception {
        api = LocalWebSocketApi.builder()
                .route("$connect", connect)
                .twoWayRoute("probe", RecordingHandler.answering(200, "probe"))
                .twoWayRoute("$default", RecordingHandler.echoing(""))
                .faultInjection(faults)
                .recordConnectionsRequests()
                .start();
        client = WebSocketTestClient.connect(api.webSocketUri());
        String id = connect.next().getRequestContext().getConnectionId();
        client.send("ready");
        assertThat(client.next()).isEqualTo("ready");
        return id;
    }
}
