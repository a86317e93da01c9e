package io.github.wschat.testkit.connections;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {

    private static final Fault THROTTLE = Fault.LIMIT_EXCEEDED;
    private static final Fault ERROR = Fault.INTERNAL_SERVER_ERROR;

    @Test
    void given_no_faults_then_every_call_passes_at_once() {
        Faults faults = Faults.create();
        for (int i = 0; i < 100; i++) {
            Fault decision = faults.decide("id");
            assertThat(decision.isError()).isFalse();
            assertThat(decision.body()).isNull();
            assertThat(decision.delay()).isZero();
        }
        assertThat(faults.injectedFailures()).isZero();
    }

    @Test
    void given_a_seed_then_the_faults_are_those_of_its_random_sequence_two_draws_per_call() {
        Faults faults = Faults.create();
        faults.inject(FaultInjection.builder().seed(42L).fail(THROTTLE, 0.2).fail(ERROR, 0.1)
                .delay(Duration.ofMillis(5), 0.5).build());
        Random replay = new Random(42L);
        int throttled = 0;
        int errors = 0;
        int delayed = 0;
        for (int i = 0; i < 500; i++) {
            double failureDraw = replay.nextDouble();
            double delayDraw = replay.nextDouble();
            Fault decision = faults.decide("id-" + i);
            int expected = failureDraw < 0.2 ? 429 : failureDraw < 0.3 ? 500 : 200;
            assertThat(decision.status()).isEqualTo(expected);
            assertThat(decision.delay()).isEqualTo(delayDraw < 0.5 ? Duration.ofMillis(5) : Duration.ZERO);
            throttled += decision.status() == 429 ? 1 : 0;
            errors += decision.status() == 500 ? 1 : 0;
            delayed += decision.delay().isZero() ? 0 : 1;
        }
        assertThat(throttled).isBetween(70, 130);
        assertThat(errors).isBetween(25, 75);
        assertThat(delayed).isBetween(200, 300);
        assertThat(faults.injectedFailures()).isEqualTo(throttled + errors);
    }

    @Test
    void given_all_calls_failing_then_all_fail() {
        Faults faults = Faults.create();
        faults.inject(FaultInjection.builder().seed(1L).fail(Fault.GONE, 1.0).build());
        for (int i = 0; i < 100; i++) {
            assertThat(faults.decide("id").status()).isEqualTo(410);
        }
    }

    @Test
    void given_scripted_faults_then_the_next_ones_come_first_then_the_standing_one_then_the_usual_answer() {
        Faults faults = Faults.create();
        faults.next("a", Fault.LIMIT_EXCEEDED, Fault.bareError(410));
        faults.always("b", Fault.error(503));

        assertThat(faults.decide("a")).isEqualTo(Fault.LIMIT_EXCEEDED);
        assertThat(faults.decide("a").errorType()).isNull();
        assertThat(faults.decide("a").isError()).isFalse();
        assertThat(faults.decide("b").status()).isEqualTo(503);
        assertThat(faults.decide("b").status()).isEqualTo(503);
        assertThat(faults.injectedFailures()).isEqualTo(4);
    }

    @Test
    void given_latency_then_it_adds_to_every_answer_faults_included() {
        Faults faults = Faults.create();
        faults.latency(Duration.ofMillis(20));
        faults.next("a", Fault.error(500).delayedBy(Duration.ofMillis(5)));

        assertThat(faults.decide("a").delay()).isEqualTo(Duration.ofMillis(25));
        assertThat(faults.decide("a").delay()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void given_a_hold_then_answers_wait_for_the_release() {
        Faults faults = Faults.create();
        StringBuilder answered = new StringBuilder();
        faults.hold();
        faults.whenReleased(() -> answered.append("one "));
        faults.whenReleased(() -> answered.append("two "));
        assertThat(answered).isEmpty();

        faults.release();
        faults.whenReleased(() -> answered.append("three"));

        assertThat(answered).hasToString("one two three");
    }

    @Test
    void given_shares_above_one_or_a_delay_as_failure_then_the_injection_is_refused() {
        assertThatThrownBy(() -> FaultInjection.builder().fail(Fault.GONE, 0.6).fail(Fault.LIMIT_EXCEEDED, 0.6).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultInjection.builder().fail(Fault.delayed(Duration.ofMillis(1)), 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.error(302)).isInstanceOf(IllegalArgumentException.class);
    }
}
