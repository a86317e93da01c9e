package io.github.wschat.json;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.MessageRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact texts of {@link JsonReplyRenderer}: compact, as the tutorial prints them. What every
 * renderer must do (valid JSON whatever the values hold, the tutorial's fields and order) is in
 * {@link JsonReplyRendererContractTest}.
 */
class JsonReplyRendererTest {

    private final JsonReplyRenderer renderer = new JsonReplyRenderer();
    private final ConnectionId caller = ConnectionId.of("Bq3xkcNyoAMCJpQ=");

    @Test
    void connection_info_is_compact_text_exactly_as_the_tutorial_prints_it() {
        ConnectionInfo info = new ConnectionInfo(Instant.parse("2026-11-25T10:15:30Z"),
                Instant.parse("2026-11-25T10:16:20.877Z"), ClientIdentity.of("203.0.113.10", "wscat/6.1.0"));

        assertThat(renderer.connectionInfo(caller, info)).isEqualTo(
                "{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\","
                        + "\"Identity\":{\"SourceIp\":\"203.0.113.10\",\"UserAgent\":\"wscat/6.1.0\"},"
                        + "\"LastActiveAt\":\"2026-11-25T10:16:20.877Z\",\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
    }

    @Test
    void unknown_info_is_only_the_callers_id() {
        assertThat(renderer.unknownConnectionInfo(caller)).isEqualTo("{\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
    }

    @Test
    void an_error_is_compact_text() {
        assertThat(renderer.rejection(MessageRejection.of(MessageRejection.Reason.EMPTY_MESSAGE, "message is empty")))
                .isEqualTo("{\"error\":\"message is empty\"}");
    }
}
