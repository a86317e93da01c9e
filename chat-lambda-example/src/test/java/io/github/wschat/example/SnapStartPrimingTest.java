package io.github.wschat.example;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {

    @Test
    void priming_runs_the_whole_session_without_aws() {
        // no region, no credentials, no endpoint: anything reaching for AWS would fail here
        assertThat(System.getenv("AWS_REGION")).as("the test environment has no AWS settings").isNull();

        // B gets the message, A gets the error for the malformed body, B gets the $default answer
        assertThat(SnapStartPriming.prime()).isEqualTo(3);
    }

    @Test
    void the_crac_hooks_run_outside_a_checkpoint() {
        SnapStartPriming priming = new SnapStartPriming();

        assertThatCode(() -> {
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
        }).doesNotThrowAnyException();
    }
}
