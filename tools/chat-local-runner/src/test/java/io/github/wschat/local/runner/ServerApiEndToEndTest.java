package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server API (PROTOCOL §7) as the one command runs it, beside the WebSocket API, on the same DynamoDB and the
 * local {@code @connections}: real HTTP requests with tokens of the development issuer the banner names, real
 * WebSocket clients in the rooms. The chat runs as {@code ./run-local-chat.sh} runs it by default: the WebSocket
 * API anonymous, the server API with its own development issuer.
 */
class ServerApiEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private static final Duration NOTHING_MORE = Duration.ofMillis(300);
    private final List<RoomClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(RoomClient::close);
    }

    private static URI server() {
        return RunningChat.CHAT.serverApiUri().orElseThrow();
    }

    private static LoopbackIssuer issuer() {
        return RunningChat.CHAT.serverApiIssuer().orElseThrow();
    }

    /** A backend's token, minted as the banner says: {@code curl '{issuer}/dev/token?user=backend&scope=wschat:server'}. */
    private static String backendToken() throws IOException, InterruptedException {
        HttpResponse<String> minted = HTTP.send(HttpRequest.newBuilder(
                URI.create(issuer().tokenEndpoint() + "?user=backend&scope=wschat:server")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(minted.statusCode()).isEqualTo(200);
        return minted.body();
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server().resolve(path)).timeout(RunningChat.TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server().resolve(path)).timeout(RunningChat.TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.std.mapFrom(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response)).containsOnlyKeys("code", "error").containsEntry("code", code);
    }

    private RoomClient member(String room) throws Exception {
        RoomClient client = RoomClient.connect();
        clients.add(client);
        client.join(room);
        return client;
    }

    @Test
    void the_banner_names_the_server_api_and_healthz_answers_without_a_token() throws Exception {
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        RunningChat.CHAT.printBanner(new PrintStream(banner, true, StandardCharsets.UTF_8));

        assertThat(banner.toString(StandardCharsets.UTF_8))
                .contains("server API:  " + server())
                .contains(issuer().tokenEndpoint() + "?user=backend&scope=wschat:server")
                .contains("curl -X POST -H \"Authorization: Bearer $TOKEN\" " + server()
                        + "/rooms/general/messages -d '{\"id\":\"m1\",\"text\":\"hi\"}'");
        assertThat(server().getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> health = get("/healthz", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void a_post_reaches_the_rooms_websocket_members_once_with_the_next_seq_and_history_and_members_tell_it()
            throws Exception {
        String room = "general-" + System.nanoTime();
        RoomClient alice = member(room);
        RoomClient bob = member(room);
        assertThat(alice.next()).as("bob's join, told to alice").containsEntry("type", "presence");
        RoomClient elsewhere = member("elsewhere-" + System.nanoTime());
        alice.publish(room, "w1", "over the socket first");
        assertThat(alice.next()).containsEntry("type", "ack").containsEntry("seq", 1);
        assertThat(bob.next()).containsEntry("type", "message").containsEntry("seq", 1);
        String token = backendToken();

        HttpResponse<String> posted = post("/rooms/" + room + "/messages", token, "{\"id\":\"m1\",\"text\":\"hi\"}");
        HttpResponse<String> retried = post("/rooms/" + room + "/messages", token, "{\"id\":\"m1\",\"text\":\"hi\"}");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(json(posted)).isEqualTo(Map.of("room", room, "seq", 2, "id", "m1"));
        assertThat(retried.statusCode()).as("the retry").isEqualTo(200);
        assertThat(retried.body()).isEqualTo(posted.body());
        for (RoomClient client : List.of(alice, bob)) {
            assertThat(client.next()).containsEntry("type", "message").containsEntry("room", room)
                    .containsEntry("seq", 2).containsEntry("id", "m1").containsEntry("text", "hi")
                    .containsEntry("from", Map.of("userId", "backend", "name", "backend"));
            // the POST is answered once its fan-out is over: anything else for this client has been sent by now
            assertThat(client.arrivedWithin(NOTHING_MORE)).as("a second delivery").isEmpty();
        }
        assertThat(elsewhere.arrivedWithin(NOTHING_MORE)).as("what a client of another room got").isEmpty();

        Map<String, Object> history = json(get("/rooms/" + room + "/messages?after=0&limit=100", token));
        assertThat(history).containsEntry("type", "history").containsEntry("lastSeq", 2).containsEntry("more", false);
        assertThat(((List<?>) history.get("messages")).stream().<Object>map(m -> ((Map<?, ?>) m).get("id")))
                .containsExactly("w1", "m1");
        List<?> members = (List<?>) json(get("/rooms/" + room + "/members", token)).get("members");
        assertThat(members).hasSize(2);
        assertThat(members.stream().<Object>map(m -> ((Map<?, ?>) m).get("connections"))).containsOnly(1);
    }

    @Test
    void the_same_id_over_http_then_over_the_websocket_publish_is_one_seq_and_one_delivery() throws Exception {
        String room = "both-" + System.nanoTime();
        RoomClient alice = member(room);
        RoomClient bob = member(room);
        assertThat(alice.next()).containsEntry("type", "presence");

        HttpResponse<String> posted = post("/rooms/" + room + "/messages", backendToken(),
                "{\"id\":\"same-id\",\"text\":\"hi\"}");
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(alice.next()).containsEntry("type", "message").containsEntry("seq", 1);
        assertThat(bob.next()).containsEntry("type", "message").containsEntry("seq", 1);
        alice.publish(room, "same-id", "hi");

        assertThat(alice.next()).as("the ack of the same id").containsEntry("type", "ack").containsEntry("seq", 1)
                .containsEntry("id", "same-id");
        alice.awaitHandled("publish");
        assertThat(bob.arrivedWithin(NOTHING_MORE)).as("a second delivery to bob").isEmpty();
        assertThat(json(get("/rooms/" + room + "/messages", backendToken())).get("lastSeq")).isEqualTo(1);
    }

    @Test
    void two_hundred_concurrent_posts_from_8_threads_are_all_2xx_with_200_distinct_seqs_each_delivered_once()
            throws Exception {
        String room = "busy-" + System.nanoTime();
        RoomClient bob = member(room);
        String token = backendToken();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = "{\"id\":\"c" + i + "\",\"text\":\"concurrent " + i + "\"}";
                posts.add(threads.submit(() -> {
                    start.await();
                    return post("/rooms/" + room + "/messages", token, body);
                }));
            }
            start.countDown();
            Set<Object> seqs = new HashSet<>();
            for (Future<HttpResponse<String>> posted : posts) {
                HttpResponse<String> response = posted.get(RunningChat.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                seqs.add(json(response).get("seq"));
            }
            assertThat(seqs).hasSize(200).allSatisfy(seq -> assertThat((Integer) seq).isBetween(1, 200));
        } finally {
            threads.shutdownNow();
        }
        Set<Object> delivered = new HashSet<>();
        for (Map<String, Object> frame : bob.next(200)) {
            assertThat(frame).containsEntry("type", "message");
            delivered.add(frame.get("seq"));
        }
        assertThat(delivered).as("distinct seqs bob got of 200 frames").hasSize(200);
        assertThat(bob.arrivedWithin(NOTHING_MORE)).isEmpty();
    }

    @Test
    void each_call_answers_its_errors_and_nothing_is_stored_or_delivered() throws Exception {
        String room = "errors-" + System.nanoTime();
        RoomClient bob = member(room);
        String user = issuer().token().subject("carol").sign();
        String messages = "/rooms/" + room + "/messages";

        assertError(post(messages, null, "{\"id\":\"e1\",\"text\":\"hi\"}"), 401, "unauthorized");
        assertError(get(messages, null), 401, "unauthorized");
        assertError(get("/rooms/" + room + "/members", issuer().tampered()), 401, "unauthorized");
        assertError(post(messages, issuer().token().signedWith(LoopbackIssuer.Key.UNKNOWN_RSA).sign(),
                "{\"id\":\"e1\",\"text\":\"hi\"}"), 401, "unauthorized");
        assertError(post("/rooms/private-x/messages", user, "{\"id\":\"e1\",\"text\":\"hi\"}"), 403, "forbidden");
        assertError(get("/rooms/private-x/messages", user), 403, "forbidden");
        assertError(post(messages, user, "not json"), 400, "bad_request");
        assertError(post(messages, user, "{\"text\":\"no id\"}"), 400, "bad_request");
        assertError(post("/rooms/bad%20room/messages", user, "{\"id\":\"e1\",\"text\":\"hi\"}"), 400, "bad_request");
        assertError(get(messages + "?after=-1", user), 400, "bad_request");
        assertError(get(messages + "?limit=0", user), 400, "bad_request");
        assertError(get(messages + "?limit=101", user), 400, "bad_request");
        assertError(post(messages, user, "{\"id\":\"e1\",\"text\":\"" + "x".repeat(40_000) + "\"}"), 413, "too_large");

        assertThat(json(get(messages, user))).containsEntry("lastSeq", 0);
        assertThat(bob.arrivedWithin(NOTHING_MORE)).as("what the room's member was told").isEmpty();
        HttpResponse<String> fine = post(messages, user, "{\"id\":\"e2\",\"text\":\"still serving\"}");
        assertThat(fine.statusCode()).isEqualTo(201);
        assertThat(json(fine)).containsEntry("seq", 1);
    }
}
