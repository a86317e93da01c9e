package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.in.DisconnectCommand;
import io.github.wschat.core.port.in.JoinRoomCommand;
import io.github.wschat.core.port.in.LeaveAllRoomsCommand;
import io.github.wschat.core.port.in.RoomHistoryCommand;
import io.github.wschat.core.port.in.RoomRequestCommand;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.RoomMembershipException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/** No exception escapes a room use case: a failing port is answered {@code internal} to the caller, with the ref. */
class RoomServicesFailureTest extends ChatPortMocks {

    private static final ConnectionId ALICE = ConnectionId.of("alice");
    private static final UserIdentity USER = UserIdentity.anonymous(ALICE);
    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final String ERROR = "{\"type\":\"error\"}";

    private ChatServices chat;

    @BeforeEach
    void setUpChat() {
        chat = ChatServices.builder().connectionStore(store).messageSender(sender).connectionInfoQuery(infoQuery)
                .replyRenderer(renderer).messageBodyParser(parser).roomMembership(membership).messageLog(log)
                .roomRequestParser(roomParser).roomEventRenderer(roomRenderer).build();
    }

    @Test
    void given_a_failing_membership_when_asking_history_then_internal_with_the_ref_and_no_log_read() {
        given(membership.isMember(LOBBY, ALICE)).willThrow(new RoomMembershipException("throttled"));
        given(roomRenderer.error(any())).willReturn(ERROR);
        given(sender.send(ALICE, MessagePayload.of(ERROR))).willReturn(DeliveryOutcome.delivered());

        RoomResult result = chat.roomHistory().history(new RoomHistoryCommand(ALICE, USER, LOBBY, 0, 100, "h1"));

        assertThat(result).isInstanceOfSatisfying(RoomResult.Refused.class, refused -> {
            assertThat(refused.error()).extracting(ChatError::code, ChatError::ref).containsExactly(ErrorCode.INTERNAL, "h1");
            assertThat(refused.answer().isDelivered()).isTrue();
        });
        then(log).shouldHaveNoInteractions();
    }

    @Test
    void given_a_parser_that_throws_then_internal_without_ref() {
        given(roomParser.parse("{}")).willThrow(new IllegalStateException("bug"));
        given(roomRenderer.error(any())).willReturn(ERROR);

        RoomResult result = chat.roomRequest().handle(new RoomRequestCommand(ALICE, USER, "{}"));

        assertThat(result).isInstanceOfSatisfying(RoomResult.Refused.class, refused ->
                assertThat(refused.error()).extracting(ChatError::code, ChatError::ref).containsExactly(ErrorCode.INTERNAL, null));
    }

    @Test
    void given_a_renderer_that_throws_on_the_error_then_the_refusal_is_returned_with_a_failed_answer() {
        given(membership.isMember(LOBBY, ALICE)).willReturn(false);
        given(roomRenderer.error(any())).willThrow(new IllegalStateException("bug"));

        RoomResult result = chat.roomHistory().history(new RoomHistoryCommand(ALICE, USER, LOBBY, 0, 100, null));

        assertThat(result).isInstanceOfSatisfying(RoomResult.Refused.class, refused -> {
            assertThat(refused.error().code()).isEqualTo(ErrorCode.NOT_MEMBER);
            assertThat(refused.answer().isFailed()).isTrue();
        });
        then(sender).shouldHaveNoInteractions();
    }

    @Test
    void given_a_presence_that_cannot_be_told_then_the_join_is_still_done_and_reported_as_told_to_nobody() {
        given(membership.join(any())).willReturn(true);
        given(membership.connectionCount(LOBBY, USER.userId())).willReturn(1);
        given(roomRenderer.joined(LOBBY, 0, "j")).willReturn("joined");
        given(sender.send(ALICE, MessagePayload.of("joined"))).willReturn(DeliveryOutcome.delivered());
        given(roomRenderer.presence(any(), any(), any())).willReturn("presence");
        given(membership.members(any(), any())).willThrow(new RoomMembershipException("unreachable"));

        RoomResult result = chat.joinRoom().join(new JoinRoomCommand(ALICE, USER, LOBBY, "j"));

        assertThat(result).isEqualTo(new RoomResult.Done(DeliveryOutcome.delivered(), BroadcastReport.none()));
    }

    @Test
    void given_a_failing_membership_when_leaving_all_rooms_then_none_are_counted_and_nothing_escapes() {
        given(membership.removeConnection(ALICE)).willThrow(new RoomMembershipException("unreachable"));

        assertThat(chat.leaveAllRooms().leaveAllRooms(new LeaveAllRoomsCommand(ALICE))).isZero();
    }

    @Test
    void given_a_presence_leave_that_fails_for_one_room_then_the_other_rooms_are_still_told() {
        RoomName games = RoomName.of("games");
        given(membership.removeConnection(ALICE)).willReturn(List.of(
                Membership.of(LOBBY, ALICE, USER.ref(), Instant.EPOCH), Membership.of(games, ALICE, USER.ref(), Instant.EPOCH)));
        given(membership.connectionCount(LOBBY, USER.userId())).willThrow(new RoomMembershipException("throttled"));
        given(membership.connectionCount(games, USER.userId())).willReturn(0);
        given(roomRenderer.presence(any(), any(), any())).willReturn("presence");
        given(membership.members(any(), any())).willReturn(MembershipPage.last(List.of(
                Membership.of(games, ConnectionId.of("bob"), UserRef.of("bob", "Bob"), Instant.EPOCH))));

        assertThat(chat.leaveAllRooms().leaveAllRooms(new LeaveAllRoomsCommand(ALICE))).isEqualTo(2);

        then(sender).should().sendAsync(eq(ConnectionId.of("bob")), eq(MessagePayload.of("presence")), any());
        then(sender).shouldHaveNoMoreInteractions();
    }

    @Test
    void given_rooms_a_disconnect_removes_the_connection_and_leaves_its_rooms() {
        chat.disconnect().disconnect(new DisconnectCommand(ALICE));

        then(store).should().remove(ALICE);
        then(membership).should().removeConnection(ALICE);
    }

    @Test
    void given_no_rooms_the_store_alone_is_asked() {
        ChatServices tutorial = ChatServices.builder().connectionStore(store).messageSender(sender)
                .connectionInfoQuery(infoQuery).replyRenderer(renderer).messageBodyParser(parser).build();

        tutorial.disconnect().disconnect(new DisconnectCommand(ALICE));

        then(store).should().remove(ALICE);
        then(membership).shouldHaveNoInteractions();
    }
}
