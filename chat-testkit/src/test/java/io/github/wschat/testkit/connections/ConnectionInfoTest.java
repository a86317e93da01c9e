package io.github.wschat.testkit.connections;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionInfoTest {

    @Test
    void given_instants_then_the_management_api_times_are_iso_8601_with_milliseconds() throws Exception {
        Map<String, Object> info = JSON.std.mapFrom(new ConnectionInfo(Instant.parse("2026-11-25T10:15:30.012Z"),
                Instant.parse("2026-11-25T10:15:30Z"), "127.0.0.1", "wscat/6.1.0").toJson());

        assertThat(info.get("connectedAt")).isEqualTo("2026-11-25T10:15:30.012Z");
        assertThat(info.get("lastActiveAt")).isEqualTo("2026-11-25T10:15:30.000Z");
    }

    @Test
    void given_no_user_agent_then_the_identity_says_null_as_the_service_does() throws Exception {
        Map<String, Object> info = JSON.std.mapFrom(new ConnectionInfo(Instant.EPOCH, Instant.EPOCH, "127.0.0.1", null)
                .toJson());

        Map<String, Object> identity = new HashMap<>();
        identity.put("sourceIp", "127.0.0.1");
        identity.put("userAgent", null);
        assertThat(info).containsOnlyKeys("connectedAt", "identity", "lastActiveAt");
        assertThat(info.get("identity")).isEqualTo(identity);
    }
}
