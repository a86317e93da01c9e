package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.testkit.connections.Fault;
import io.github.wschat.testkit.connections.LoopbackConnectionsApi;
import io.github.wschat.testkit.connections.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's backoff between the attempts of one call. The sender configures the SDK's standard retry
 * strategy with exponential backoff and full jitter ({@code BackoffStrategy.exponentialDelay}, SDK
 * 2.57): before retry {@code r} it waits a random whole number of milliseconds drawn uniformly from
 * {@code [0, min(maxBackoff, base * 2^(r-1)))}, where {@code base} is the throttling base after a 429.
 *
 * <p>The waits are read from the SDK's own attempt metrics ({@link CoreMetric#BACKOFF_DELAY_DURATION},
 * through the sender's {@code metricPublisher}), so the claims about their windows, jitter and
 * throttling base hold exactly, however busy the machine. That the SDK really waits them is seen at
 * the gateway: the gaps between the arrivals of a call's attempts are at least the waits. A gap also
 * holds the time to answer and send again, which a loaded machine can stretch without bound; only
 * that lower bound is asserted on it. Since the waits are random, the jitter and throttling claims are
 * statistical; each test works out why, with 20 calls per status, a false failure is practically
 * impossible.
 */
class ApiGatewayMessageSenderBackoffTest {

    private static final Duration BASE_DELAY = Duration.ofMillis(20);
    private static final Duration THROTTLING_BASE_DELAY = Duration.ofMillis(60);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(200);
    /**
     * Three retries: windows of 20, 40 and 80 ms after a 500; of 60, 120 and 200 ms after a 429, the
     * last one capped by the max backoff (uncapped it would be 240).
     */
    private static final int MAX_ATTEMPTS = 4;
    private static final int RETRIES = MAX_ATTEMPTS - 1;
    private static final int CALLS_PER_STATUS = 20;
    private static final int[] STATUSES = {500, 429};
    private static final MessagePayload HELLO = MessagePayload.of("hello, everyone!");

    /** Per status (500, 429), per call, the waits the SDK chose before retries 1 to 3. */
    private static Map<Integer, List<List<Duration>>> waitsByStatus;
    /** Per status, per call, the gaps between the arrivals of its attempts at the gateway. */
    private static Map<Integer, List<List<Duration>>> gapsByStatus;

    @BeforeAll
    static void callThroughThreeFailedAttemptsEach() throws Exception {
        Map<Integer, AttemptRecorder> recorders = new LinkedHashMap<>();
        Map<Integer, ApiGatewayMessageSender> senders = new LinkedHashMap<>();
        try (LoopbackConnectionsApi api = LoopbackConnectionsApi.start()) {
            for (int status : STATUSES) {
                // one sender per status, so that each recorder holds the calls of one status only
                AttemptRecorder recorder = new AttemptRecorder();
                recorders.put(status, recorder);
                senders.put(status, TestSenders.senderFor(api)
                        .maxAttempts(MAX_ATTEMPTS)
                        .baseDelay(BASE_DELAY)
                        .throttlingBaseDelay(THROTTLING_BASE_DELAY)
                        .maxBackoff(MAX_BACKOFF)
                        // 120 retries would spend the retry budget, which is not what this measures
                        .circuitBreakerEnabled(false)
                        .metricPublisher(recorder)
                        .build());
            }

            Map<Integer, List<ConnectionId>> callsByStatus = new LinkedHashMap<>();
            List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                for (int call = 0; call < CALLS_PER_STATUS; call++) {
                    for (int status : STATUSES) {
                        ConnectionId id = ConnectionId.of(api.connect("backoff-" + status + "-" + call));
                        api.faults().next(id.value(), Collections.nCopies(RETRIES, Fault.error(status)).toArray(Fault[]::new));
                        callsByStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(id);
                        ApiGatewayMessageSender sender = senders.get(status);
                        outcomes.add(callers.submit(() -> sender.send(id, HELLO)));
                    }
                }
                for (Future<DeliveryOutcome> outcome : outcomes) {
                    assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(DeliveryOutcome.delivered());
                }
            } finally {
                callers.shutdownNow();
                for (ApiGatewayMessageSender sender : senders.values()) {
                    sender.close();
                }
            }

            waitsByStatus = new LinkedHashMap<>();
            recorders.forEach((status, recorder) -> waitsByStatus.put(status, recorder.retryWaitsPerCall()));
            gapsByStatus = new LinkedHashMap<>();
            callsByStatus.forEach((status, ids) -> gapsByStatus.put(status, ids.stream().map(id -> {
                List<RecordedRequest> attempts = api.requests().forConnection(id.value());
                assertThat(attempts).hasSize(MAX_ATTEMPTS);
                List<Duration> gaps = new ArrayList<>();
                for (int i = 1; i < attempts.size(); i++) {
                    gaps.add(Duration.ofNanos(attempts.get(i).arrivedAtNanos() - attempts.get(i - 1).arrivedAtNanos()));
                }
                return List.copyOf(gaps);
            }).toList()));
        }
    }

    @Test
    void every_call_reports_a_wait_before_each_of_its_retries() {
        for (int status : STATUSES) {
            assertThat(waitsByStatus.get(status)).as("calls after a %d", status).hasSize(CALLS_PER_STATUS)
                    .allSatisfy(waits -> assertThat(waits).hasSize(RETRIES));
        }
    }

    @Test
    void each_wait_stays_within_its_exponential_window_and_never_exceeds_the_max_backoff() {
        waitsByStatus.forEach((status, calls) -> {
            for (List<Duration> waits : calls) {
                for (int retry = 1; retry <= RETRIES; retry++) {
                    assertThat(waits.get(retry - 1))
                            .as("wait before retry %d after a %d", retry, status)
                            .isLessThan(window(status, retry))
                            .isLessThanOrEqualTo(MAX_BACKOFF);
                }
            }
        });
    }

    /*
     * Each call's gaps are at least its waits. The gaps are not matched to the waits call by call (a
     * metric does not name its connection), but the claim survives sorting: if some pairing has every
     * gap at least its wait, then the i-th shortest gap is at least the i-th shortest wait.
     */
    @Test
    void the_gateway_sees_each_retry_arrive_no_sooner_than_its_wait() {
        for (int status : STATUSES) {
            for (int retry = 1; retry <= RETRIES; retry++) {
                List<Duration> waits = sortedBefore(retry, waitsByStatus.get(status));
                List<Duration> gaps = sortedBefore(retry, gapsByStatus.get(status));
                for (int i = 0; i < CALLS_PER_STATUS; i++) {
                    assertThat(gaps.get(i)).as("%d-th shortest gap before retry %d after a %d", i + 1, retry, status)
                            .isGreaterThanOrEqualTo(waits.get(i));
                }
            }
        }
    }

    /*
     * Full jitter spreads the waits before one retry uniformly over its window; a fixed delay would
     * give one value. Asked: the 20 waits before the last retry spread over at least a fifth of its
     * window (16 ms of 80 after a 500, 40 of 200 after a 429). For n uniform waits, the chance that
     * they spread over less than a fraction r of the window is n·r^(n-1) − (n-1)·r^n: under 1e-12 for
     * n = 20 and r = 1/5.
     */
    @Test
    void the_waits_are_jittered_not_fixed() {
        waitsByStatus.forEach((status, calls) -> {
            List<Duration> lastWaits = calls.stream().map(waits -> waits.get(RETRIES - 1)).toList();
            Duration spread = Collections.max(lastWaits).minus(Collections.min(lastWaits));

            assertThat(spread).as("spread of the waits before retry %d after a %d, ms: %s", RETRIES, status,
                            lastWaits.stream().map(Duration::toMillis).toList())
                    .isGreaterThanOrEqualTo(window(status, RETRIES).dividedBy(5));
            assertThat(lastWaits.stream().map(Duration::toMillis).distinct().count()).isGreaterThan(1);
        });
    }

    /*
     * After a 429 the windows are 60, 120 and 200 ms, after a 500 20, 40 and 80. First, some wait after
     * a 429 is at least as long as any wait a 500 may cause (under 80 ms): all 60 waits would stay under
     * it with a chance of ((80/120)·(80/200))^20 = 3e-12. Second, the three waits of a call average
     * 190 ms after 429s against 70 after 500s: over 20 calls each, the means differ by 120 ms with a
     * standard deviation of 17 ms (the variances of the sums are (60²+120²+200²)/12 and
     * (20²+40²+80²)/12), so the order flips by chance with a probability under 1e-12.
     */
    @Test
    void throttled_calls_wait_on_the_longer_throttling_base() {
        Duration longestAfter429 = waitsByStatus.get(429).stream().flatMap(List::stream).max(Duration::compareTo)
                .orElseThrow();

        assertThat(longestAfter429).isGreaterThanOrEqualTo(window(500, RETRIES));
        assertThat(meanWaitPerCall(429)).isGreaterThan(meanWaitPerCall(500));
    }

    /** min(maxBackoff, base * 2^(retry-1)), base after the status: the SDK draws each wait below it. */
    private static Duration window(int status, int retry) {
        Duration base = status == 429 ? THROTTLING_BASE_DELAY : BASE_DELAY;
        Duration exponential = base.multipliedBy(1L << (retry - 1));
        return exponential.compareTo(MAX_BACKOFF) < 0 ? exponential : MAX_BACKOFF;
    }

    private static List<Duration> sortedBefore(int retry, List<List<Duration>> calls) {
        return calls.stream().map(durations -> durations.get(retry - 1)).sorted().toList();
    }

    /** The sum of a call's waits, averaged over the calls. */
    private static Duration meanWaitPerCall(int status) {
        List<List<Duration>> calls = waitsByStatus.get(status);
        Duration total = calls.stream().flatMap(List::stream).reduce(Duration.ZERO, Duration::plus);
        return total.dividedBy(calls.size());
    }

    /** Keeps the SDK's metrics of every call, as the sender's client publishes them. */
    private static final class AttemptRecorder implements MetricPublisher {
        private final List<MetricCollection> calls = new CopyOnWriteArrayList<>();

        @Override
        public void publish(MetricCollection metricCollection) {
            calls.add(metricCollection);
        }

        /** Per call, the backoff reported by each attempt after the first, in attempt order. */
        List<List<Duration>> retryWaitsPerCall() {
            return calls.stream().map(call -> {
                List<Duration> waits = call.childrenWithName("ApiCallAttempt")
                        .map(attempt -> attempt.metricValues(CoreMetric.BACKOFF_DELAY_DURATION))
                        .map(values -> values.isEmpty() ? Duration.ZERO : values.get(0))
                        .toList();
                return List.copyOf(waits.subList(1, waits.size()));
            }).toList();
        }

        @Override
        public void close() {
        }
    }
}
