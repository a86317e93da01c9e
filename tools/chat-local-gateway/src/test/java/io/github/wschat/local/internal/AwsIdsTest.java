package io.github.wschat.local.internal;

import io.github.wschat.testkit.connections.ConnectionIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AwsIdsTest {

    @Test
    void given_generated_ids_then_they_are_shaped_like_api_gateway_ones_valid_and_unique() {
        AwsIds ids = new AwsIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.newId();
            assertThat(id).hasSize(16).endsWith("=").matches("[A-Za-z0-9_-]{15}=");
            assertThat(ConnectionIds.fromPathSegment(id)).hasValue(id);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
