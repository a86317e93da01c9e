package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §6: a command the parser cannot read is answered to its caller only, with its ref; nothing changes. */
class BadRoomRequestSpecTest {

    private static final RoomName LOBBY = RoomName.of("lobby");

    private final RoomsFixture fixture = new RoomsFixture();

    @ParameterizedTest
    @ValueSource(strings = {"join ref=r1", "join no/slash ref=r1", "publish lobby ref=r1", "publish lobby bad.id x ref=r1",
            "history lobby -1 ref=r1", "history lobby 0 0 ref=r1", "history lobby 0 101 ref=r1", "shout lobby ref=r1"})
    void given_a_bad_command_then_bad_request_with_the_ref_to_the_caller_only_and_nothing_stored(String body) {
        ConnectionId caller = fixture.connect("caller");
        ConnectionId member = fixture.connect("member");
        fixture.joined("lobby", caller, member);

        RoomResult result = fixture.send(caller, body);

        assertThat(result).isInstanceOfSatisfying(RoomResult.Refused.class,
                refused -> assertThat(refused.error().code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(fixture.received(caller)).containsExactly("error bad_request ref=r1");
        assertThat(fixture.received(member)).isEmpty();
        assertThat(fixture.log.lastSeq(LOBBY)).isZero();
        assertThat(fixture.membership.size(LOBBY)).isEqualTo(2);
    }

    @Test
    void given_a_bad_command_without_a_ref_then_the_error_has_none_and_the_chat_keeps_serving() {
        ConnectionId caller = fixture.connect("caller");

        fixture.send(caller, "");
        fixture.send(caller, "join lobby");

        assertThat(fixture.received(caller)).containsExactly("error bad_request", "joined lobby lastSeq=0");
    }
}
