package io.github.wschat.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.aws.apigateway.ApiGatewayMessageSenders;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.RoomRequestCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
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

/** A post reaches the room's sockets once, as a WebSocket publish would; retries and concurrency keep seqs whole. */
class PostDeliveryTest {

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void a_post_reaches_each_connection_of_the_room_once_with_the_next_seq_and_its_retry_none() throws Exception {
        ConnectionId bob = fixture.member("deliver", "deliver-bob", "bob");
        ConnectionId alicePhone = fixture.member("deliver", "deliver-alice", "alice");
        ConnectionId elsewhere = fixture.member("another-room", "deliver-carol", "carol");
        String token = fixture.token("alice");

        HttpResponse<String> posted = fixture.post("/rooms/deliver/messages", token, "{\"id\":\"d1\",\"text\":\"hello room\"}");
        HttpResponse<String> retry = fixture.post("/rooms/deliver/messages", token, "{\"id\":\"d1\",\"text\":\"hello room\"}");

        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(posted.body()).isEqualTo("{\"room\":\"deliver\",\"seq\":1,\"id\":\"d1\"}");
        for (ConnectionId member : List.of(bob, alicePhone)) {
            List<String> received = fixture.connections.receivedBy(member.value());
            assertThat(received).hasSize(1);
            Map<String, Object> event = JSON.std.mapFrom(received.get(0));
            assertThat(event).containsEntry("type", "message").containsEntry("room", "deliver").containsEntry("seq", 1)
                    .containsEntry("id", "d1").containsEntry("text", "hello room")
                    .containsEntry("from", Map.of("userId", "alice", "name", "name of alice")).containsKey("sentAt");
        }
        assertThat(fixture.connections.receivedBy(elsewhere.value())).isEmpty();
        assertThat(JSON.std.mapFrom(fixture.post("/rooms/deliver/messages", token,
                "{\"id\":\"d2\",\"text\":\"again\"}").body())).containsEntry("seq", 2);
    }

    @Test
    void the_same_id_over_http_then_over_the_websocket_publish_is_one_seq_acked_and_delivered_once() throws Exception {
        ConnectionId bob = fixture.member("both-paths", "both-bob", "bob");
        ConnectionId alice = fixture.member("both-paths", "both-alice", "alice");
        HttpResponse<String> posted = fixture.post("/rooms/both-paths/messages", fixture.token("alice"),
                "{\"id\":\"same-id\",\"text\":\"hi\"}");
        assertThat(posted.statusCode()).isEqualTo(201);
        ApiGatewayMessageSenders senders = ApiGatewayMessageSenders.builder().senderSettings(ServerFixture.LOCAL_SENDERS).build();
        try {
            RoomResult published = fixture.webSocketChat(senders).roomRequest(fixture.connections.endpoint())
                    .handle(new RoomRequestCommand(alice, UserIdentity.of("alice", "name of alice", List.of()),
                            "{\"action\":\"publish\",\"room\":\"both-paths\",\"id\":\"same-id\",\"text\":\"hi\",\"ref\":\"r1\"}"));

            assertThat(published).isInstanceOfSatisfying(RoomResult.Published.class, p -> {
                assertThat(p.duplicate()).isTrue();
                assertThat(p.message().seq()).isEqualTo(1);
            });
        } finally {
            senders.close();
        }
        assertThat(fixture.connections.receivedBy(bob.value())).hasSize(1);
        List<String> toAlice = fixture.connections.receivedBy(alice.value());
        assertThat(toAlice).hasSize(2);
        assertThat(JSON.std.mapFrom(toAlice.get(1))).containsEntry("type", "ack").containsEntry("seq", 1)
                .containsEntry("ref", "r1");
    }

    @Test
    void two_hundred_concurrent_posts_from_8_threads_are_all_2xx_with_200_distinct_seqs() throws Exception {
        fixture.member("busy", "busy-bob", "bob");
        String token = fixture.token("alice");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = "{\"id\":\"c" + i + "\",\"text\":\"concurrent " + i + "\"}";
                posts.add(threads.submit(() -> {
                    start.await();
                    return fixture.post("/rooms/busy/messages", token, body);
                }));
            }
            start.countDown();
            Set<Object> seqs = new HashSet<>();
            for (Future<HttpResponse<String>> post : posts) {
                HttpResponse<String> response = post.get(120, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                seqs.add(JSON.std.mapFrom(response.body()).get("seq"));
            }
            assertThat(seqs).hasSize(200);
            assertThat(seqs).allSatisfy(seq -> assertThat((Integer) seq).isBetween(1, 200));
            assertThat(fixture.connections.receivedBy("busy-bob")).hasSize(200);
        } finally {
            threads.shutdownNow();
        }
    }
}
