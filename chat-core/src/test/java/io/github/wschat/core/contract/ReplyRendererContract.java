package io.github.wschat.core.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.port.out.ReplyRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every {@link ReplyRenderer} must do: the texts the core sends back to a client are the
 * tutorial's JSON, valid whatever the values hold. An adapter's test extends this class and says how
 * to make a renderer; every test here then runs against that adapter.
 *
 * <pre>{@code
 * class MyReplyRendererContractTest extends ReplyRendererContract {
 *     protected ReplyRenderer createRenderer() { return new MyReplyRenderer(); }
 * }
 * }</pre>
 *
 * <p>The suite reads the texts back with jackson-jr ({@code com.fasterxml.jackson.jr:jackson-jr-objects}),
 * which the test-jar does not bring along: a module running the suite needs it on its test classpath.
 */
public abstract class ReplyRendererContract {

    protected static final ConnectionId CALLER = ConnectionId.of("Bq3xkcNyoAMCJpQ=");

    /** A time with no milliseconds: still rendered with three digits of them, as API Gateway does. */
    protected static final Instant CONNECTED_AT = Instant.parse("2026-11-25T10:15:30Z");

    protected static final Instant LAST_ACTIVE_AT = Instant.parse("2026-11-25T10:16:20.877Z");

    /** A strict reader: one value, no duplicate key, no unescaped control character, no comment. */
    private static final JSON STRICT_JSON = JSON.builder().enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS).build();

    private ReplyRenderer renderer;

    /** A new renderer; called before each test. */
    protected abstract ReplyRenderer createRenderer();

    @BeforeEach
    void setUpRenderer() {
        renderer = createRenderer();
    }

    protected ReplyRenderer renderer() {
        return renderer;
    }

    @Test
    void given_known_info_when_rendered_then_a_json_object_with_the_tutorials_fields_in_its_order() {
        ConnectionInfo info = new ConnectionInfo(CONNECTED_AT, LAST_ACTIVE_AT, ClientIdentity.of("203.0.113.10", "wscat/6.1.0"));

        Map<String, Object> rendered = jsonObject(renderer.connectionInfo(CALLER, info));

        assertThat(rendered).containsExactly(
                entry("ConnectedAt", "2026-11-25T10:15:30.000Z"),
                entry("Identity", Map.of("SourceIp", "203.0.113.10", "UserAgent", "wscat/6.1.0")),
                entry("LastActiveAt", "2026-11-25T10:16:20.877Z"),
                entry("connectionID", CALLER.value()));
        assertThat(objectField(rendered, "Identity"))
                .containsExactly(entry("SourceIp", "203.0.113.10"), entry("UserAgent", "wscat/6.1.0"));
    }

    @Test
    void given_times_finer_than_milliseconds_when_rendered_then_utc_to_the_millisecond() {
        Instant fine = Instant.parse("2026-11-25T23:59:59.999999999Z");

        Map<String, Object> rendered = jsonObject(renderer.connectionInfo(CALLER,
                new ConnectionInfo(fine, fine, ClientIdentity.UNKNOWN)));

        assertThat(rendered).containsEntry("ConnectedAt", "2026-11-25T23:59:59.999Z")
                .containsEntry("LastActiveAt", "2026-11-25T23:59:59.999Z");
    }

    @Test
    void given_unknown_identity_when_rendered_then_identity_is_an_empty_object() {
        Map<String, Object> rendered = jsonObject(renderer.connectionInfo(CALLER,
                new ConnectionInfo(CONNECTED_AT, LAST_ACTIVE_AT, ClientIdentity.UNKNOWN)));

        assertThat(rendered).containsEntry("Identity", Map.of()).containsEntry("connectionID", CALLER.value());
    }

    @Test
    void given_only_a_source_ip_when_rendered_then_the_user_agent_is_left_out() {
        Map<String, Object> rendered = jsonObject(renderer.connectionInfo(CALLER,
                new ConnectionInfo(CONNECTED_AT, LAST_ACTIVE_AT, ClientIdentity.of("203.0.113.10", null))));

        assertThat(rendered).containsEntry("Identity", Map.of("SourceIp", "203.0.113.10"));
    }

    @Test
    void given_a_user_agent_with_quotes_when_rendered_then_valid_json_that_keeps_it_and_the_callers_id() {
        String agent = "evil\",\"connectionID\":\"spoofed\"} \\ \u0000 ✓";

        Map<String, Object> rendered = jsonObject(renderer.connectionInfo(CALLER,
                new ConnectionInfo(CONNECTED_AT, LAST_ACTIVE_AT, ClientIdentity.of(null, agent))));

        assertThat(rendered).containsEntry("Identity", Map.of("UserAgent", agent))
                .containsEntry("connectionID", CALLER.value());
    }

    @Test
    void given_unknown_info_when_rendered_then_a_json_object_naming_the_caller() {
        Map<String, Object> rendered = jsonObject(renderer.unknownConnectionInfo(CALLER));

        assertThat(rendered).containsEntry("connectionID", CALLER.value());
    }

    @ParameterizedTest
    @EnumSource(MessageRejection.Reason.class)
    void given_a_rejection_when_rendered_then_an_object_holding_only_its_description_as_error(
            MessageRejection.Reason reason) {
        MessageRejection rejection = MessageRejection.of(reason, "message is empty");

        assertThat(jsonObject(renderer.rejection(rejection))).containsExactly(entry("error", "message is empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "body is not JSON: unexpected '\"' near \\ at line 1",
            "\"}, {\"error\":\"spoofed",
            "control characters: \u0000 \u0001 \b \t \n \f \r \u001b \u001f \u007f end",
            "non-ASCII: ünïcödé ✓ 中文 🚀 \u2028 \u2029 \ufeff end",
            "</script><!-- \\u0022 \\\" -->"})
    void given_an_error_text_holding_anything_when_rendered_then_valid_json_holding_it_exactly(String description) {
        String rendered = renderer.rejection(MessageRejection.malformed(description));

        assertThat(jsonObject(rendered)).containsExactly(entry("error", description));
    }

    @Test
    void when_many_threads_render_at_once_then_each_gets_its_own_text() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ConnectionId caller = ConnectionId.of("caller-" + i);
                ConnectionInfo info = new ConnectionInfo(CONNECTED_AT, LAST_ACTIVE_AT, ClientIdentity.of(null, "agent " + i));
                texts.add(executor.submit(() -> renderer.connectionInfo(caller, info)));
            }
            for (int i = 0; i < texts.size(); i++) {
                Map<String, Object> rendered = jsonObject(texts.get(i).get(30, TimeUnit.SECONDS));
                assertThat(rendered).containsEntry("connectionID", "caller-" + i)
                        .containsEntry("Identity", Map.of("UserAgent", "agent " + i));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Reads {@code text} as exactly one JSON object, strictly, keeping the order of its fields; fails
     * the test when it is anything else.
     */
    protected static Map<String, Object> jsonObject(String text) {
        assertThat(text).as("rendered text").isNotNull();
        Object value;
        try (JsonParser parser = STRICT_JSON.getStreamingFactory().createParser(text)) {
            value = STRICT_JSON.anyFrom(parser);
            if (parser.nextToken() != null) {
                return fail("content after the JSON value in <%s>", text);
            }
        } catch (IOException e) {
            return fail("not valid JSON: <%s>: %s", text, e.getMessage());
        }
        return asObject(value, "the JSON value of <" + text + ">");
    }

    /** The field {@code name} of a JSON object read by {@link #jsonObject}, itself an object. */
    protected static Map<String, Object> objectField(Map<String, Object> object, String name) {
        return asObject(object.get(name), "field " + name + " of " + object);
    }

    private static Map<String, Object> asObject(Object value, String description) {
        assertThat(value).as(description).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) value;
        // a LinkedHashMap, which AssertJ shows in its order (it sorts other maps in its messages)
        return new LinkedHashMap<>(fields);
    }
}
