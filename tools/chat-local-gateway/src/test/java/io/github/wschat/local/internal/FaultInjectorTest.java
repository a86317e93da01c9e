package io.github.wschat.local.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectorTest {

    private static final FaultPlan.Failure THROTTLE = new FaultPlan.Failure(0.2, 429, "LimitExceededException", "{}");
    private static final FaultPlan.Failure ERROR = new FaultPlan.Failure(0.1, 500, "InternalServerErrorException", "{}");

    @Test
    void given_no_faults_then_every_call_passes_at_once() {
        FaultInjector injector = new FaultInjector(FaultPlan.NONE);
        for (int i = 0; i < 100; i++) {
            assertThat(injector.next()).isEqualTo(FaultInjector.Decision.PASS);
        }
    }

    @Test
    void given_a_seed_then_the_faults_are_those_of_its_random_sequence_two_draws_per_call() {
        FaultPlan plan = new FaultPlan(42L, List.of(THROTTLE, ERROR), Duration.ofMillis(5), 0.5);
        FaultInjector injector = new FaultInjector(plan);
        Random replay = new Random(42L);
        int throttled = 0;
        int errors = 0;
        int delayed = 0;
        for (int i = 0; i < 500; i++) {
            double failureDraw = replay.nextDouble();
            double delayDraw = replay.nextDouble();
            FaultInjector.Decision decision = injector.next();
            FaultPlan.Failure expected = failureDraw < 0.2 ? THROTTLE : failureDraw < 0.3 ? ERROR : null;
            assertThat(decision.failure()).isEqualTo(expected);
            assertThat(decision.delay()).isEqualTo(delayDraw < 0.5 ? Duration.ofMillis(5) : Duration.ZERO);
            throttled += decision.failure() == THROTTLE ? 1 : 0;
            errors += decision.failure() == ERROR ? 1 : 0;
            delayed += decision.delay().isZero() ? 0 : 1;
        }
        assertThat(throttled).isBetween(70, 130);
        assertThat(errors).isBetween(25, 75);
        assertThat(delayed).isBetween(200, 300);
    }

    @Test
    void given_all_calls_failing_then_all_fail() {
        FaultInjector injector = new FaultInjector(new FaultPlan(1L,
                List.of(new FaultPlan.Failure(1.0, 410, "GoneException", "{\"message\":null}")), Duration.ZERO, 0));
        for (int i = 0; i < 100; i++) {
            assertThat(injector.next().failure().status()).isEqualTo(410);
        }
    }
}
