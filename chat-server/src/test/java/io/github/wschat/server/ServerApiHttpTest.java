package io.github.wschat.server;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §7 over HTTP, call by call, with real tokens, DynamoDB Local and the loopback {@code @connections} API. */
class ServerApiHttpTest {

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.std.mapFrom(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String error)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        Map<String, Object> json = json(response);
        assertThat(json).containsOnlyKeys("code", "error").containsEntry("code", code);
        if (error != null) {
            assertThat(json.get("error")).isEqualTo(error);
        }
    }

    @Test
    void healthz_answers_ok_without_a_token() throws Exception {
        HttpResponse<String> health = fixture.get("/healthz", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertError(fixture.post("/healthz", null, "{}"), 405, "method_not_allowed", null);
    }

    @Test
    void a_post_is_stored_under_the_next_seq_and_answered_201_and_its_retry_200_with_the_first_seq() throws Exception {
        String token = fixture.token("alice");

        HttpResponse<String> first = fixture.post("/rooms/http-post/messages", token, "{\"id\":\"m1\",\"text\":\"hi\"}");
        HttpResponse<String> second = fixture.post("/rooms/http-post/messages", token, "{\"id\":\"m2\",\"text\":\"ho\"}");
        HttpResponse<String> retry = fixture.post("/rooms/http-post/messages", token, "{\"id\":\"m1\",\"text\":\"hi\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("{\"room\":\"http-post\",\"seq\":1,\"id\":\"m1\"}");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json(second)).containsEntry("seq", 2);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo("{\"room\":\"http-post\",\"seq\":1,\"id\":\"m1\"}");
    }

    @Test
    void history_answers_the_websocket_history_reply_and_members_the_members_reply() throws Exception {
        String token = fixture.token("alice");
        for (int i = 1; i <= 5; i++) {
            fixture.post("/rooms/http-history/messages", token, "{\"id\":\"m" + i + "\",\"text\":\"text " + i + "\"}");
        }
        fixture.member("http-history", "hist-a1", "alice");
        fixture.member("http-history", "hist-a2", "alice");
        fixture.member("http-history", "hist-b1", "bob");

        HttpResponse<String> page = fixture.get("/rooms/http-history/messages?after=1&limit=2", token);
        HttpResponse<String> all = fixture.get("/rooms/http-history/messages", token);
        HttpResponse<String> members = fixture.get("/rooms/http-history/members", token);

        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, Object> history = json(page);
        assertThat(history).containsEntry("type", "history").containsEntry("room", "http-history")
                .containsEntry("lastSeq", 5).containsEntry("more", true).containsEntry("truncated", false)
                .doesNotContainKey("ref");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) history.get("messages");
        assertThat(messages).extracting(m -> m.get("seq")).containsExactly(2, 3);
        assertThat(messages.get(0)).containsEntry("type", "message").containsEntry("id", "m2")
                .containsEntry("text", "text 2").containsEntry("from", Map.of("userId", "alice", "name", "name of alice"))
                .containsKey("sentAt");
        assertThat(json(all)).containsEntry("more", false);
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.body()).isEqualTo("{\"type\":\"members\",\"room\":\"http-history\",\"members\":["
                + "{\"userId\":\"alice\",\"name\":\"name of alice\",\"connections\":2},"
                + "{\"userId\":\"bob\",\"name\":\"name of bob\",\"connections\":1}]}");
    }

    @Test
    void without_a_token_or_with_a_bad_or_expired_one_every_room_call_is_401_with_www_authenticate() throws Exception {
        String expired = fixture.issuer.token().subject("alice").expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign();
        String forged = fixture.issuer.token().signedWith(io.github.wschat.testkit.jwt.LoopbackIssuer.Key.UNKNOWN_RSA).sign();
        String otherAudience = fixture.issuer.token().audience("another-app").sign();

        HttpResponse<String> none = fixture.get("/rooms/lobby/messages", null);
        assertError(none, 401, "unauthorized", "a bearer token is required: Authorization: Bearer <JWT>");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"wschat\"");
        for (String bad : List.of("not-a-jwt", expired, forged, otherAudience, fixture.issuer.unsigned(),
                fixture.issuer.hs256WithPublicKeyAsSecret(), fixture.issuer.tampered())) {
            HttpResponse<String> refused = fixture.post("/rooms/lobby/messages", bad, "{\"id\":\"x\",\"text\":\"x\"}");
            assertError(refused, 401, "unauthorized", null);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer realm=\"wschat\", error=\"invalid_token\"");
        }
        assertError(fixture.get("/rooms/lobby/members", expired), 401, "unauthorized",
                "the bearer token was refused: expired");
        HttpResponse<String> basic = fixture.http.send(HttpRequest.newBuilder(fixture.uri("/rooms/lobby/members"))
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0").build(), HttpResponse.BodyHandlers.ofString());
        assertError(basic, 401, "unauthorized", null);
    }

    @Test
    void a_private_room_is_403_without_a_grant_and_allowed_with_an_exact_or_prefix_grant_or_the_server_scope()
            throws Exception {
        String body = "{\"id\":\"p1\",\"text\":\"secret\"}";

        assertError(fixture.post("/rooms/private-ops/messages", fixture.token("mallory", "lobby"), body), 403, "forbidden",
                "room private-ops is private: your token grants no entry to it");
        assertError(fixture.get("/rooms/private-ops/messages", fixture.token("mallory")), 403, "forbidden", null);
        assertError(fixture.get("/rooms/private-ops/members", fixture.token("mallory")), 403, "forbidden", null);

        assertThat(fixture.post("/rooms/private-ops/messages", fixture.token("olga", "private-ops"), body).statusCode())
                .isEqualTo(201);
        assertThat(fixture.get("/rooms/private-ops/messages", fixture.token("pia", "private-*")).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/rooms/private-ops/members", fixture.backendToken()).statusCode()).isEqualTo(200);
        HttpResponse<String> backend = fixture.post("/rooms/private-ops/messages", fixture.backendToken(),
                "{\"id\":\"p2\",\"text\":\"from the backend\"}");
        assertThat(backend.statusCode()).isEqualTo(201);
        String listScope = fixture.issuer.token().subject("backend-2").claim("scope", List.of("wschat:server")).sign();
        assertThat(fixture.get("/rooms/private-ops/members", listScope).statusCode()).isEqualTo(200);
        String otherScope = fixture.issuer.token().subject("backend-3").claim("scope", "wschat:serverless").sign();
        assertError(fixture.get("/rooms/private-ops/members", otherScope), 403, "forbidden", null);
    }

    @Test
    void bad_input_is_400_with_the_websocket_parser_words_and_nothing_is_stored() throws Exception {
        String token = fixture.token("alice");
        String path = "/rooms/http-bad/messages";

        assertError(fixture.post(path, token, "{\"id\":\"m1\",\"text\":"), 400, "bad_request", "body is not valid JSON");
        assertError(fixture.post(path, token, "[1]"), 400, "bad_request", "body must be a JSON object, was an array");
        assertError(fixture.post(path, token, ""), 400, "bad_request", "body is empty");
        assertError(fixture.post(path, token, "{\"text\":\"hi\"}"), 400, "bad_request", "body has no \"id\" field");
        assertError(fixture.post(path, token, "{\"id\":\"has space\",\"text\":\"hi\"}"), 400, "bad_request",
                "\"id\" must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        assertError(fixture.post(path, token, "{\"id\":\"m1\",\"text\":7}"), 400, "bad_request",
                "\"text\" must be a string, was a number");
        assertError(fixture.post(path, token, "{\"id\":\"m1\",\"text\":\"\"}"), 400, "bad_request", "text is empty");
        assertError(fixture.post("/rooms/" + "r".repeat(65) + "/messages", token, "{\"id\":\"m1\",\"text\":\"hi\"}"), 400,
                "bad_request", "\"room\" must be 1 to 64 characters of A-Z a-z 0-9 _ - . :");
        assertError(fixture.get("/rooms/bad%20room/members", token), 400, "bad_request", null);
        assertError(fixture.get(path + "?after=-1", token), 400, "bad_request",
                "\"after\" must be an integer of at least 0, was -1");
        assertError(fixture.get(path + "?after=x", token), 400, "bad_request",
                "\"after\" must be an integer of at least 0, was not an integer");
        assertError(fixture.get(path + "?limit=0", token), 400, "bad_request",
                "\"limit\" must be an integer from 1 to 100, was 0");
        assertError(fixture.get(path + "?limit=101", token), 400, "bad_request",
                "\"limit\" must be an integer from 1 to 100, was 101");
        assertError(fixture.get(path + "?limit=1&limit=2", token), 400, "bad_request", "\"limit\" is given more than once");
        assertThat(fixture.get(path + "?limit=100", token).statusCode()).isEqualTo(200);

        assertThat(json(fixture.get(path, token))).containsEntry("lastSeq", 0);
    }

    @Test
    void an_oversized_text_or_event_is_413_too_large_and_a_body_over_the_cap_is_refused_before_it_is_read()
            throws Exception {
        String token = fixture.token("alice");
        String path = "/rooms/http-large/messages";

        assertError(fixture.post(path, token, "{\"id\":\"big\",\"text\":\"" + "x".repeat(32_769) + "\"}"), 413,
                "too_large", "text is 32769 bytes, more than the limit of 32768 bytes");
        // within the text limit, but 6 bytes a character once escaped in the event: no history reply could hold it
        assertError(fixture.post(path, token, "{\"id\":\"ctl\",\"text\":\"" + "\\u0001".repeat(32_768) + "\"}"), 413,
                "too_large", null);
        assertThat(fixture.post(path, token, "{\"id\":\"fits\",\"text\":\"" + "x".repeat(32_768) + "\"}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> overCap = fixture.post(path, token,
                "{\"id\":\"cap\",\"text\":\"" + "y".repeat(ChatServer.DEFAULT_MAX_BODY_BYTES) + "\"}");
        assertError(overCap, 413, "too_large", "the body is larger than 262144 bytes");
        assertThat(json(fixture.get(path, token))).containsEntry("lastSeq", 1);
    }

    @Test
    void a_body_announced_over_the_cap_is_answered_413_from_its_head_alone() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // the head only: the 10 MB it announces never comes
            out.write(("POST /rooms/lobby/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n{\"id\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes("HTTP/1.1 413".length()), StandardCharsets.US_ASCII);

            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void an_unknown_path_is_404_and_a_wrong_method_405_with_allow() throws Exception {
        String token = fixture.token("alice");

        assertError(fixture.get("/rooms/lobby", token), 404, "not_found", null);
        assertError(fixture.get("/rooms/lobby/messages/1", token), 404, "not_found", null);
        assertError(fixture.get("/", null), 404, "not_found", null);
        HttpResponse<String> delete = fixture.http.send(HttpRequest.newBuilder(fixture.uri("/rooms/lobby/messages"))
                .DELETE().header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertError(delete, 405, "method_not_allowed", null);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, POST");
        assertError(fixture.post("/rooms/lobby/members", token, "{}"), 405, "method_not_allowed", null);
    }
}
