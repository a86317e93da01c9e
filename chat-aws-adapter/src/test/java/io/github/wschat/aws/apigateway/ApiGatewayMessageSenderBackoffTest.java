package io.github.wschat.aws.apigateway;

import io.github.wschat.aws.apigateway.FakeConnectionsApi.Answer;
import io.github.wschat.aws.apigateway.FakeConnectionsApi.RecordedRequest;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's backoff between the attempts of one call, as the gateway sees it: the gaps between the
 * arrivals of the attempts. The sender configures the SDK's standard retry strategy with exponential
 * backoff and full jitter ({@code BackoffStrategy.exponentialDelay}, SDK 2.57): before retry {@code r}
 * it waits a random whole number of milliseconds drawn uniformly from
 * {@code [0, min(maxBackoff, base * 2^(r-1)))}, where {@code base} is the throttling base after a 429.
 *
 * <p>A gap is that wait plus the time to answer, read the answer and send the next attempt: a few ms
 * on loopback. Since the waits are random, the jitter and throttling claims are statistical; each
 * test works out why, with 20 calls per status, a false failure is practically impossible.
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
    /**
     * Added to each upper bound, for what a gap holds besides the wait: a few ms on loopback, but up
     * to 150 ms was seen on a busy 2-core machine.
     */
    private static final Duration SCHEDULING_ALLOWANCE = Duration.ofMillis(300);
    private static final MessagePayload HELLO = MessagePayload.of("hello, everyone!");

    /** Per status (500, 429), per call, the gaps before retries 1 to 3. */
    private static Map<Integer, List<List<Duration>>> gapsByStatus;

    @BeforeAll
    static void callThroughThreeFailedAttemptsEach() throws Exception {
        try (FakeConnectionsApi api = FakeConnectionsApi.start();
             ApiGatewayMessageSender sender = TestSenders.senderFor(api)
                     .maxAttempts(MAX_ATTEMPTS)
                     .baseDelay(BASE_DELAY)
                     .throttlingBaseDelay(THROTTLING_BASE_DELAY)
                     .maxBackoff(MAX_BACKOFF)
                     // 120 retries would spend the retry budget, which is not what this measures
                     .circuitBreakerEnabled(false)
                     .build()) {
            // the first error a JVM reads loads and compiles the SDK's error path: 150 ms, which is no backoff
            ConnectionId warmUp = api.connect("backoff-warm-up");
            api.answerNext(warmUp, Answer.error(500), Answer.error(429));
            assertThat(sender.send(warmUp, HELLO)).isEqualTo(DeliveryOutcome.delivered());

            Map<Integer, List<ConnectionId>> callsByStatus = new LinkedHashMap<>();
            List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
            // the two statuses interleaved, so that a busy moment of the machine falls on both alike
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                for (int call = 0; call < CALLS_PER_STATUS; call++) {
                    for (int status : new int[] {500, 429}) {
                        ConnectionId id = api.connect("backoff-" + status + "-" + call);
                        api.answerNext(id, Collections.nCopies(RETRIES, Answer.error(status)).toArray(Answer[]::new));
                        callsByStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(id);
                        outcomes.add(callers.submit(() -> sender.send(id, HELLO)));
                    }
                }
                for (Future<DeliveryOutcome> outcome : outcomes) {
                    assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo(DeliveryOutcome.delivered());
                }
            } finally {
                callers.shutdownNow();
            }

            gapsByStatus = new LinkedHashMap<>();
            callsByStatus.forEach((status, ids) -> gapsByStatus.put(status, ids.stream().map(id -> {
                List<RecordedRequest> attempts = api.recordedRequestsFor(id);
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
    void each_wait_stays_within_its_exponential_window_and_never_exceeds_the_max_backoff() {
        gapsByStatus.forEach((status, calls) -> {
            for (List<Duration> gaps : calls) {
                for (int retry = 1; retry <= RETRIES; retry++) {
                    assertThat(gaps.get(retry - 1))
                            .as("gap before retry %d after a %d", retry, status)
                            .isLessThanOrEqualTo(window(status, retry).plus(SCHEDULING_ALLOWANCE))
                            .isLessThanOrEqualTo(MAX_BACKOFF.plus(SCHEDULING_ALLOWANCE));
                }
            }
        });
    }

    /*
     * Full jitter spreads the waits before one retry uniformly over its window; a fixed delay would
     * leave them all within the few ms of noise. Asked: the 20 waits before the last retry spread over
     * at least a fifth of its window (16 ms of 80 after a 500, 40 of 200 after a 429). For n uniform
     * waits, the chance that they spread over less than a fraction r of the window is
     * n·r^(n-1) − (n-1)·r^n: under 1e-12 for n = 20 and r = 1/5, and still 2e-9 if scheduling noise
     * narrowed the spread by a tenth of the window more (r = 0.3).
     */
    @Test
    void the_waits_are_jittered_not_fixed() {
        gapsByStatus.forEach((status, calls) -> {
            List<Duration> lastWaits = calls.stream().map(gaps -> gaps.get(RETRIES - 1)).toList();
            Duration spread = Collections.max(lastWaits).minus(Collections.min(lastWaits));

            assertThat(spread).as("spread of the gaps before retry %d after a %d, ms: %s", RETRIES, status,
                            lastWaits.stream().map(Duration::toMillis).toList())
                    .isGreaterThanOrEqualTo(window(status, RETRIES).dividedBy(5));
            assertThat(lastWaits.stream().map(Duration::toMillis).distinct().count()).isGreaterThan(1);
        });
    }

    /*
     * After a 429 the windows are 60, 120 and 200 ms, after a 500 20, 40 and 80. First, some wait after
     * a 429 is longer than any wait a 500 may cause (80 ms): all 60 waits would stay under it with a
     * chance of ((80/120)·(80/200))^20 = 3e-12, and noise only lengthens them. Second, the three waits
     * of a call average 190 ms after 429s against 70 after 500s: over 20 calls each, the means differ
     * by 120 ms with a standard deviation of 17 ms (the variances of the sums are (60²+120²+200²)/12
     * and (20²+40²+80²)/12), so the order flips by chance with a probability under 1e-12.
     */
    @Test
    void throttled_calls_wait_on_the_longer_throttling_base() {
        Duration longestAfter429 = gapsByStatus.get(429).stream().flatMap(List::stream).max(Duration::compareTo)
                .orElseThrow();

        assertThat(longestAfter429).isGreaterThan(window(500, RETRIES));
        assertThat(meanWaitPerCall(429)).isGreaterThan(meanWaitPerCall(500));
    }

    /** min(maxBackoff, base * 2^(retry-1)), base after the status: the SDK draws each wait below it. */
    private static Duration window(int status, int retry) {
        Duration base = status == 429 ? THROTTLING_BASE_DELAY : BASE_DELAY;
        Duration exponential = base.multipliedBy(1L << (retry - 1));
        return exponential.compareTo(MAX_BACKOFF) < 0 ? exponential : MAX_BACKOFF;
    }

    /** The sum of a call's gaps, averaged over the calls. */
    private static Duration meanWaitPerCall(int status) {
        List<List<Duration>> calls = gapsByStatus.get(status);
        Duration total = calls.stream().flatMap(List::stream).reduce(Duration.ZERO, Duration::plus);
        return total.dividedBy(calls.size());
    }
}
