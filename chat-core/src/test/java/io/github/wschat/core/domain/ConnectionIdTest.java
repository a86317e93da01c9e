package io.github.wschat.core.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bq3xkcNyoAMCJpQ=", "L0SM9cOFvHcCIhw=", "a", "abc_DEF-123+xyz=="})
    void ids_shaped_like_api_gateway_ones_are_accepted(String value) {
        assertThat(ConnectionId.of(value).value()).isEqualTo(value);
        assertThat(ConnectionId.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "..", "../etc", "a b", "a%2Fb", "a?x=1", "a#b", "a\nb", "é", "a.b"})
    void ids_that_could_change_a_url_path_are_refused(String value) {
        assertThatThrownBy(() -> ConnectionId.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connection id");
        assertThat(ConnectionId.isValid(value)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void null_and_overlong_ids_are_refused() {
        assertThatThrownBy(() -> ConnectionId.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConnectionId.of("x".repeat(ConnectionId.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 128 characters");
        assertThat(ConnectionId.isValid(null)).isFalse();
        assertThat(ConnectionId.of("x".repeat(ConnectionId.MAX_LENGTH)).value()).hasSize(128);
    }
}
