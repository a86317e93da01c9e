package io.github.wschat.core.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small records keep their invariants. */
class ValuesTest {

    @Test
    void a_broadcast_report_adds_up() {
        assertThatThrownBy(() -> new BroadcastReport(3, 1, 1, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempted (3)");
        assertThat(new BroadcastReport(3, 1, 1, 1, List.of(new RecipientFailure(ConnectionId.of("x"), "429"))).failed())
                .isEqualTo(1);
    }

    @Test
    void a_broadcast_report_copies_its_failures() {
        List<RecipientFailure> failures = new ArrayList<>(List.of(new RecipientFailure(ConnectionId.of("x"), "429")));
        BroadcastReport report = new BroadcastReport(1, 0, 0, 1, failures);
        failures.clear();

        assertThat(report.failures()).hasSize(1);
        assertThatThrownBy(() -> report.failures().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_failed_delivery_needs_a_reason() {
        assertThatThrownBy(() -> DeliveryOutcome.failed(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DeliveryOutcome.failed("413").isFailed()).isTrue();
        assertThat(DeliveryOutcome.gone().isGone()).isTrue();
        assertThat(DeliveryOutcome.delivered().isDelivered()).isTrue();
    }

    @Test
    void a_message_payload_is_never_empty() {
        assertThatThrownBy(() -> MessagePayload.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blank_identity_fields_mean_unknown() {
        ClientIdentity identity = ClientIdentity.of(" ", "");

        assertThat(identity).isEqualTo(ClientIdentity.UNKNOWN);
        assertThat(identity.knownSourceIp()).isEmpty();
    }

    @Test
    void a_rejection_must_say_what_was_wrong() {
        assertThatThrownBy(() -> MessageRejection.malformed("")).isInstanceOf(IllegalArgumentException.class);
    }
}
