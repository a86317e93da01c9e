package io.github.wschat.local.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AwsTimesTest {

    private static final long SAMPLE = Instant.parse("2026-11-25T10:15:30.012Z").toEpochMilli();

    @Test
    void given_an_instant_then_the_request_time_is_in_the_event_format() {
        assertThat(AwsTimes.requestTime(SAMPLE)).isEqualTo("25/Nov/2026:10:15:30 +0000");
        assertThat(AwsTimes.requestTime(Instant.parse("2026-01-05T01:02:03Z").toEpochMilli()))
                .isEqualTo("05/Jan/2026:01:02:03 +0000");
    }

    @Test
    void given_a_trace_id_then_it_is_shaped_like_x_ray_ones() {
        assertThat(new AwsIds().newTraceId(SAMPLE)).matches("Root=1-" + Long.toHexString(SAMPLE / 1000) + "-[0-9a-f]{24}");
    }
}
