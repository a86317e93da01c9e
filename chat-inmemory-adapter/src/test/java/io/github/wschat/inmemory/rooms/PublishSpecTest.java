package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.inmemory.InMemoryMessageLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §4: members publish, stored first under the room's next seq, then acked and delivered; retries once. */
class PublishSpecTest {

    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final UserIdentity ALICE = RoomsFixture.user("alice");

    private final RoomsFixture fixture = new RoomsFixture();

    @Test
    void a_non_member_gets_not_member_for_publish_history_and_members_with_the_ref_and_nothing_is_stored() {
        ConnectionId member = fixture.connect("member");
        fixture.send(member, "join lobby");
        ConnectionId stranger = fixture.connect("stranger", ALICE);
        fixture.forgetReceived();

        fixture.send(stranger, "publish lobby m1 hi ref=p");
        fixture.send(stranger, "history lobby ref=h");
        fixture.send(stranger, "members lobby ref=m");

        assertThat(fixture.received(stranger)).containsExactly("error not_member ref=p", "error not_member ref=h",
                "error not_member ref=m");
        assertThat(fixture.received(member)).isEmpty();
        assertThat(fixture.log.lastSeq(LOBBY)).isZero();
    }

    @Test
    void an_empty_or_oversized_text_is_refused_to_the_publisher_only_and_nothing_is_stored() {
        RoomsFixture small = new RoomsFixture(builder -> builder.textLimit(TextLimit.ofBytes(4)));
        ConnectionId alice = small.connect("alice", ALICE);
        ConnectionId bob = small.connect("bob");
        small.joined("lobby", alice, bob);

        small.send(alice, "publish lobby m1 ref=empty");
        small.send(alice, "publish lobby m2 héllo ref=big");
        small.send(alice, "publish lobby m3 hél ref=fits");

        assertThat(small.received(alice)).containsExactly("error bad_request ref=empty", "error too_large ref=big",
                "ack lobby m3 seq=1 ref=fits");
        assertThat(small.received(bob)).containsExactly("message lobby seq=1 m3 from=alice hél");
        assertThat(small.log.lastSeq(LOBBY)).isEqualTo(1);
    }

    @Test
    void the_default_text_limit_is_32_kb_of_utf8() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        fixture.send(alice, "join lobby");
        fixture.forgetReceived();

        fixture.send(alice, "publish lobby fits " + "x".repeat(32_768));
        fixture.send(alice, "publish lobby over " + "x".repeat(32_769) + " ref=over");

        assertThat(fixture.received(alice)).containsExactly("ack lobby fits seq=1", "error too_large ref=over");
    }

    @Test
    void given_the_same_id_published_5_times_then_one_seq_one_delivery_per_member_and_5_acks_of_it() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        ConnectionId bob = fixture.connect("bob");
        ConnectionId carol = fixture.connect("carol");
        fixture.joined("lobby", alice, bob, carol);
        fixture.send(alice, "publish lobby first one");
        fixture.forgetReceived();

        List<RoomResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(fixture.send(alice, "publish lobby retried text-" + i + " ref=try" + i));
        }

        assertThat(fixture.received(alice)).containsExactly("ack lobby retried seq=2 ref=try0",
                "ack lobby retried seq=2 ref=try1", "ack lobby retried seq=2 ref=try2", "ack lobby retried seq=2 ref=try3",
                "ack lobby retried seq=2 ref=try4");
        assertThat(fixture.received(bob)).containsExactly("message lobby seq=2 retried from=alice text-0");
        assertThat(fixture.received(carol)).containsExactly("message lobby seq=2 retried from=alice text-0");
        assertThat(results).extracting(result -> ((RoomResult.Published) result).duplicate())
                .containsExactly(false, true, true, true, true);
        assertThat(fixture.log.lastSeq(LOBBY)).isEqualTo(2);
        assertThat(fixture.log.size(LOBBY)).isEqualTo(2);
    }

    @Test
    void given_the_same_id_published_5_times_at_once_then_one_seq_and_one_delivery_per_member() throws Exception {
        ConnectionId bob = fixture.connect("bob");
        fixture.send(bob, "join lobby");
        List<ConnectionId> publishers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ConnectionId publisher = fixture.connect("alice-" + i, ALICE);
            fixture.send(publisher, "join lobby");
            publishers.add(publisher);
        }
        fixture.forgetReceived();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RoomResult>> results = new ArrayList<>();
            for (ConnectionId publisher : publishers) {
                results.add(threads.submit(() -> {
                    start.await();
                    return fixture.send(publisher, "publish lobby same hi");
                }));
            }
            start.countDown();
            List<RoomResult.Published> published = new ArrayList<>();
            for (Future<RoomResult> result : results) {
                published.add((RoomResult.Published) result.get(60, TimeUnit.SECONDS));
            }

            assertThat(published).extracting(p -> p.message().seq()).containsOnly(1L);
            assertThat(published).filteredOn(p -> !p.duplicate()).hasSize(1);
            assertThat(fixture.received(bob)).containsExactly("message lobby seq=1 same from=alice hi");
            assertThat(publishers).allSatisfy(publisher -> assertThat(fixture.received(publisher))
                    .filteredOn(text -> text.startsWith("ack ")).containsExactly("ack lobby same seq=1"));
            assertThat(fixture.log.lastSeq(LOBBY)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_message_is_stored_before_anyone_receives_it() {
        List<String> seenInTheLog = new ArrayList<>();
        RoomsFixture[] holder = new RoomsFixture[1];
        MessageSender checking = new MessageSender() {
            @Override
            public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
                if (payload.text().startsWith("message ") || payload.text().startsWith("ack ")) {
                    synchronized (seenInTheLog) {
                        seenInTheLog.add(payload.text().split(" ")[0] + " lastSeq=" + holder[0].log.lastSeq(LOBBY)
                                + " stored=" + holder[0].log.size(LOBBY));
                    }
                }
                return holder[0].sender.send(recipient, payload);
            }
        };
        holder[0] = new RoomsFixture(builder -> builder.messageSender(checking));
        RoomsFixture checked = holder[0];
        ConnectionId alice = checked.connect("alice", ALICE);
        ConnectionId bob = checked.connect("bob");
        checked.joined("lobby", alice, bob);

        checked.send(alice, "publish lobby m1 hi");

        assertThat(seenInTheLog).containsExactly("ack lastSeq=1 stored=1", "message lastSeq=1 stored=1");
    }

    @Test
    void a_failing_log_is_answered_internal_with_the_ref_and_nothing_is_delivered() {
        InMemoryMessageLog real = fixture.log;
        RoomsFixture failing = new RoomsFixture(builder -> builder.messageLog(new FailingAppends(real)));
        ConnectionId alice = failing.connect("alice", ALICE);
        ConnectionId bob = failing.connect("bob");
        failing.joined("lobby", alice, bob);

        RoomResult result = failing.send(alice, "publish lobby m1 hi ref=r9");

        assertThat(result).isInstanceOf(RoomResult.Refused.class);
        assertThat(failing.received(alice)).containsExactly("error internal ref=r9");
        assertThat(failing.received(bob)).isEmpty();
    }

    @Test
    void a_chat_without_rooms_says_so_when_asked_for_them() {
        ChatServices tutorial = ChatServices.builder().connectionStore(fixture.store).messageSender(fixture.sender)
                .connectionInfoQuery(fixture.sender).replyRenderer(new io.github.wschat.json.JsonReplyRenderer())
                .messageBodyParser(new io.github.wschat.json.SendMessageBodyParser()).build();

        assertThat(tutorial.hasRooms()).isFalse();
        assertThat(fixture.chat.hasRooms()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(tutorial::publish)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("roomMembership, messageLog");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.builder(fixture.log).roomEventRenderer(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("missing: roomEventRenderer");
    }
}
