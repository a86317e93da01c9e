package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.PostedMessage;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.ServerCaller;
import io.github.wschat.core.domain.ServerResult;
import io.github.wschat.core.domain.TextLimit;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.in.ListMembersCommand;
import io.github.wschat.core.port.in.PostMessageCommand;
import io.github.wschat.core.port.in.ReadHistoryCommand;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PROTOCOL §7 in the core: the server API's post, history and members, without a connection. Allowed by the room
 * policy or the {@code wschat:server} scope, never by membership; the post is a publish's path, delivered to every
 * connection of the room.
 */
class ServerApiSpecTest {

    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final RoomName TEAM = RoomName.of("private-team-a");
    private static final UserIdentity ALICE = RoomsFixture.user("alice");
    private static final UserIdentity BACKEND = RoomsFixture.user("billing-backend");

    private final RoomsFixture fixture = new RoomsFixture();

    private ServerResult<PostedMessage> post(ServerCaller caller, RoomName room, String id, String text) {
        return fixture.chat.postMessage().post(new PostMessageCommand(caller, room, MessageId.of(id), text));
    }

    private static PostedMessage posted(ServerResult<PostedMessage> result) {
        assertThat(result).isInstanceOf(ServerResult.Ok.class);
        return ((ServerResult.Ok<PostedMessage>) result).value();
    }

    private static ErrorCode refusal(ServerResult<?> result) {
        assertThat(result).isInstanceOf(ServerResult.Refused.class);
        return ((ServerResult.Refused<?>) result).error().code();
    }

    @Test
    void given_a_room_with_connections_when_a_user_posts_then_every_connection_gets_the_message_once_under_the_next_seq() {
        ConnectionId bob = fixture.connect("bob");
        ConnectionId alicePhone = fixture.connect("alice-phone", ALICE);
        fixture.joined("lobby", bob, alicePhone);
        fixture.send(bob, "publish lobby m0 before");
        fixture.forgetReceived();

        PostedMessage first = posted(post(ServerCaller.user(ALICE), LOBBY, "m1", "hi from HTTP"));

        assertThat(first.duplicate()).isFalse();
        assertThat(first.message().seq()).isEqualTo(2);
        assertThat(first.message().from()).isEqualTo(new UserRef("alice", "name of alice"));
        // no connection is excepted: the same user's connection gets it too
        assertThat(fixture.received(bob)).containsExactly("message lobby seq=2 m1 from=alice hi from HTTP");
        assertThat(fixture.received(alicePhone)).containsExactly("message lobby seq=2 m1 from=alice hi from HTTP");
        assertThat(first.delivery().delivered()).isEqualTo(2);
    }

    @Test
    void given_an_id_posted_before_when_posted_again_then_the_first_seq_and_no_second_delivery() {
        ConnectionId bob = fixture.connect("bob");
        fixture.joined("lobby", bob);
        post(ServerCaller.user(ALICE), LOBBY, "m1", "once");

        PostedMessage again = posted(post(ServerCaller.user(ALICE), LOBBY, "m1", "twice"));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().seq()).isEqualTo(1);
        assertThat(again.message().text()).isEqualTo("once");
        assertThat(fixture.received(bob)).containsExactly("message lobby seq=1 m1 from=alice once");
        assertThat(fixture.log.size(LOBBY)).isEqualTo(1);
    }

    @Test
    void given_an_id_posted_over_http_when_published_over_the_websocket_then_one_seq_and_the_ack_of_it() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        ConnectionId bob = fixture.connect("bob");
        fixture.joined("lobby", alice, bob);
        post(ServerCaller.user(ALICE), LOBBY, "same", "hi");

        fixture.send(alice, "publish lobby same hi ref=r1");

        assertThat(fixture.received(alice)).containsExactly("message lobby seq=1 same from=alice hi",
                "ack lobby same seq=1 ref=r1");
        assertThat(fixture.received(bob)).containsExactly("message lobby seq=1 same from=alice hi");
        assertThat(fixture.log.lastSeq(LOBBY)).isEqualTo(1);
    }

    @Test
    void no_membership_is_asked_but_a_private_room_needs_a_grant_exact_or_by_prefix_or_the_server_scope() {
        ConnectionId member = fixture.connect("member", RoomsFixture.user("carol", "private-team-a"));
        fixture.joined("private-team-a", member);

        assertThat(refusal(post(ServerCaller.user(ALICE), TEAM, "m1", "let me in"))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(fixture.chat.readHistory().read(new ReadHistoryCommand(ServerCaller.user(ALICE), TEAM, 0, 10))))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refusal(fixture.chat.listMembers().list(new ListMembersCommand(ServerCaller.user(ALICE), TEAM))))
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(fixture.log.lastSeq(TEAM)).isZero();
        assertThat(fixture.received(member)).isEmpty();

        posted(post(ServerCaller.user(RoomsFixture.user("dave", "private-team-a")), TEAM, "m2", "exact grant"));
        posted(post(ServerCaller.user(RoomsFixture.user("erin", "private-team-*")), TEAM, "m3", "prefix grant"));
        posted(post(ServerCaller.backend(BACKEND), TEAM, "m4", "a backend"));

        assertThat(fixture.received(member)).containsExactly("message private-team-a seq=1 m2 from=dave exact grant",
                "message private-team-a seq=2 m3 from=erin prefix grant",
                "message private-team-a seq=3 m4 from=billing-backend a backend");
    }

    @Test
    void a_posted_text_is_judged_as_a_published_one_and_nothing_is_stored_when_refused() {
        RoomsFixture small = new RoomsFixture(builder -> builder.textLimit(TextLimit.ofBytes(4)));
        ConnectionId bob = small.connect("bob");
        small.joined("lobby", bob);
        ServerCaller alice = ServerCaller.user(ALICE);

        assertThat(refusal(small.chat.postMessage().post(new PostMessageCommand(alice, LOBBY, MessageId.of("e"), ""))))
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(refusal(small.chat.postMessage().post(new PostMessageCommand(alice, LOBBY, MessageId.of("b"), "héllo"))))
                .isEqualTo(ErrorCode.TOO_LARGE);

        assertThat(small.log.lastSeq(LOBBY)).isZero();
        assertThat(small.received(bob)).isEmpty();
    }

    @Test
    void history_and_members_answer_what_a_member_gets_over_the_websocket() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        ConnectionId alice2 = fixture.connect("alice-2", ALICE);
        ConnectionId bob = fixture.connect("bob", RoomsFixture.user("bob"));
        fixture.joined("lobby", alice, alice2, bob);
        IntStream.rangeClosed(1, 12).forEach(i -> fixture.send(alice, "publish lobby m" + i + " text" + i));
        fixture.forgetReceived();

        ServerResult<HistoryPage> page = fixture.chat.readHistory()
                .read(new ReadHistoryCommand(ServerCaller.user(RoomsFixture.user("stranger")), LOBBY, 3, 5));
        ServerResult<List<RoomMember>> members = fixture.chat.listMembers()
                .list(new ListMembersCommand(ServerCaller.user(RoomsFixture.user("stranger")), LOBBY));
        fixture.send(alice, "history lobby 3 5");
        fixture.send(alice, "members lobby");

        HistoryPage read = ((ServerResult.Ok<HistoryPage>) page).value();
        assertThat(read.messages()).extracting(m -> m.seq()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(read.lastSeq()).isEqualTo(12);
        assertThat(read.more()).isTrue();
        assertThat(fixture.received(alice)).containsExactly("history lobby [4,5,6,7,8] lastSeq=12 more=true truncated=false",
                "members lobby [alicex2,bobx1]");
        assertThat(((ServerResult.Ok<List<RoomMember>>) members).value()).extracting(m -> m.user().userId() + "x" + m.connections())
                .containsExactly("alicex2", "bobx1");
    }

    @Test
    void a_failing_log_is_answered_internal_and_nothing_is_delivered() {
        RoomsFixture failing = new RoomsFixture(builder -> builder.messageLog(new FailingAppends(fixture.log)));
        ConnectionId bob = failing.connect("bob");
        failing.joined("lobby", bob);

        ServerResult<PostedMessage> result = failing.chat.postMessage()
                .post(new PostMessageCommand(ServerCaller.user(ALICE), LOBBY, MessageId.of("m1"), "hi"));

        assertThat(refusal(result)).isEqualTo(ErrorCode.INTERNAL);
        assertThat(((ServerResult.Refused<PostedMessage>) result).error().description()).doesNotContain("hi");
        assertThat(failing.received(bob)).isEmpty();
    }

    @Test
    void the_commands_validate_themselves() {
        ServerCaller alice = ServerCaller.user(ALICE);
        assertThatThrownBy(() -> new ReadHistoryCommand(alice, LOBBY, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadHistoryCommand(alice, LOBBY, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadHistoryCommand(alice, LOBBY, 0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostMessageCommand(alice, LOBBY, MessageId.of("m"), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ServerCaller(null, true)).isInstanceOf(NullPointerException.class);
    }
}
