package io.github.wschat.testkit.connections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionIdsTest {

    @Test
    void given_ids_as_the_sdk_encodes_them_then_they_are_decoded_once() {
        assertThat(ConnectionIds.fromPathSegment("Bq3xkcNyoAMCJpQ%3D")).hasValue("Bq3xkcNyoAMCJpQ=");
        assertThat(ConnectionIds.fromPathSegment("Bq3xkcNyoAMCJpQ=")).hasValue("Bq3xkcNyoAMCJpQ=");
        assertThat(ConnectionIds.fromPathSegment("JC1dgf9yoAMCK-g%3D")).hasValue("JC1dgf9yoAMCK-g=");
        assertThat(ConnectionIds.fromPathSegment("a+b%2Bc_d")).hasValue("a+b+c_d");
        assertThat(ConnectionIds.fromPathSegment("A".repeat(128))).hasValue("A".repeat(128));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "a/b", "a%2Fb", "a%2fb", "%2e%2e", "a%252Fb", "a%", "a%2", "a%ZZ",
            "a b", "a%20b", "a.b", "é", "%C3%A9", "%FF", "a\\b", "a%5Cb", "a?b", "a#b", "a%00b"})
    void given_a_segment_that_is_not_a_valid_id_then_it_is_refused(String segment) {
        assertThat(ConnectionIds.fromPathSegment(segment)).isEmpty();
    }

    @Test
    void given_an_id_of_129_characters_then_it_is_refused() {
        assertThat(ConnectionIds.fromPathSegment("A".repeat(129))).isEmpty();
        assertThat(ConnectionIds.fromPathSegment("%41".repeat(129))).isEmpty();
    }
}
