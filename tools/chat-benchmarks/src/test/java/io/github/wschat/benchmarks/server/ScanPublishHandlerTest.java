package io.github.wschat.benchmarks.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline hands the room parser the very command the project's route gets. */
class ScanPublishHandlerTest {

    @Test
    void given_a_baseline_command_when_rewritten_then_it_is_the_same_publish() {
        String body = RoomRoutes.publish(RoomRoutes.SCAN_PUBLISH, "lobby", "m-1", "hi");

        assertThat(ScanPublishHandler.asPublish(body)).isEqualTo(RoomRoutes.publish(RoomRoutes.PUBLISH, "lobby", "m-1", "hi"));
    }

    @Test
    void given_a_body_that_is_no_json_object_when_rewritten_then_it_is_left_for_the_parser_to_refuse() {
        assertThat(ScanPublishHandler.asPublish("not json")).isEqualTo("not json");
    }
}
