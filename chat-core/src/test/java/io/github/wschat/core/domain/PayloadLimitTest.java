package io.github.wschat.core.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadLimitTest {

    @Test
    void the_default_is_api_gateways_128_kb() {
        assertThat(PayloadLimit.API_GATEWAY.maxBytes()).isEqualTo(131_072);
    }

    @Test
    void the_limit_counts_utf8_bytes_not_characters() {
        PayloadLimit limit = PayloadLimit.ofBytes(8);

        assertThat(limit.check("12345678")).isEmpty();
        assertThat(limit.check("ééé")).isEmpty(); // 6 bytes
        assertThat(limit.check("éééé")).isEmpty(); // 8 bytes
        assertThat(limit.check("ééééé")).get().extracting(MessageRejection::description)
                .isEqualTo("message is 10 bytes, more than the limit of 8 bytes");
        assertThat(limit.check("🚀🚀")).isEmpty(); // 4 bytes each
        assertThat(limit.check("🚀🚀x")).get().extracting(MessageRejection::reason)
                .isEqualTo(MessageRejection.Reason.MESSAGE_TOO_LARGE);
    }

    @Test
    void the_byte_count_agrees_with_the_jdk_encoder() {
        String mixed = "aé€🚀\uD800z"; // ASCII, 2-, 3-, 4-byte and a lone surrogate
        assertThat(MessagePayload.of(mixed).utf8Length()).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void empty_and_missing_messages_are_refused_as_empty() {
        assertThat(PayloadLimit.API_GATEWAY.check("")).get().extracting(MessageRejection::reason)
                .isEqualTo(MessageRejection.Reason.EMPTY_MESSAGE);
        assertThat(PayloadLimit.API_GATEWAY.check(null)).get().extracting(MessageRejection::description)
                .isEqualTo("message is empty");
    }

    @Test
    void a_limit_below_one_byte_is_refused() {
        assertThatThrownBy(() -> PayloadLimit.ofBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
