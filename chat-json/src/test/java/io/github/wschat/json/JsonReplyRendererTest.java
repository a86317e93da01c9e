package io.github.wschat.json;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.MessageRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReplyRendererTest {

    private final JsonReplyRenderer renderer = new JsonReplyRenderer();
    private final ConnectionId caller = ConnectionId.of("Bq3xkcNyoAMCJpQ=");

    @Test
    void connection_info_is_rendered_in_the_tutorials_shape_and_order() {
        ConnectionInfo info = new ConnectionInfo(Instant.parse("2026-11-25T10:15:30Z"),
                Instant.parse("2026-11-25T10:16:20.877Z"), ClientIdentity.of("203.0.113.10", "wscat/6.1.0"));

        assertThat(renderer.connectionInfo(caller, info)).isEqualTo(
                "{\"ConnectedAt\":\"2026-11-25T10:15:30.000Z\","
                        + "\"Identity\":{\"SourceIp\":\"203.0.113.10\",\"UserAgent\":\"wscat/6.1.0\"},"
                        + "\"LastActiveAt\":\"2026-11-25T10:16:20.877Z\",\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
    }

    @Test
    void unknown_identity_fields_are_left_out() {
        Instant at = Instant.parse("2026-11-25T10:15:30Z");

        assertThat(renderer.connectionInfo(caller, new ConnectionInfo(at, at, ClientIdentity.UNKNOWN)))
                .contains("\"Identity\":{}");
    }

    @Test
    void unknown_info_still_names_the_caller() {
        assertThat(renderer.unknownConnectionInfo(caller)).isEqualTo("{\"connectionID\":\"Bq3xkcNyoAMCJpQ=\"}");
    }

    @Test
    void an_error_is_valid_json_whatever_its_text_holds() throws Exception {
        String description = "body is not JSON: unexpected '\"' near \\ at line 1\n</script> ✓";

        String rendered = renderer.rejection(MessageRejection.malformed(description));

        Map<String, Object> parsed = JSON.std.mapFrom(rendered);
        assertThat(parsed).containsExactly(Map.entry("error", description));
    }

    @Test
    void a_user_agent_with_quotes_stays_valid_json() throws Exception {
        Instant at = Instant.parse("2026-11-25T10:15:30Z");
        String agent = "evil\",\"connectionID\":\"spoofed";

        String rendered = renderer.connectionInfo(caller, new ConnectionInfo(at, at, ClientIdentity.of(null, agent)));

        Map<String, Object> parsed = JSON.std.mapFrom(rendered);
        assertThat(parsed.get("connectionID")).isEqualTo("Bq3xkcNyoAMCJpQ=");
        assertThat(parsed.get("Identity")).isEqualTo(Map.of("UserAgent", agent));
    }
}
