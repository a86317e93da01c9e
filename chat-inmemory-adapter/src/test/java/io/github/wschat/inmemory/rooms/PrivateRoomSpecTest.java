package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.out.RoomPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PROTOCOL §3: private rooms by grant, exactly or by prefix; the policy is the library user's to replace. */
class PrivateRoomSpecTest {

    private static final RoomName TEAM_A = RoomName.of("private-team-a");

    private final RoomsFixture fixture = new RoomsFixture();

    @Test
    void given_no_grant_when_joining_a_private_room_then_forbidden_with_the_ref_and_nobody_told() {
        ConnectionId member = fixture.connect("member", RoomsFixture.user("m", "private-team-a"));
        fixture.send(member, "join private-team-a");
        ConnectionId stranger = fixture.connect("stranger", RoomsFixture.user("s", "private-team-b", "lobby"));
        ConnectionId anonymous = fixture.connect("anonymous");
        fixture.forgetReceived();

        RoomResult refused = fixture.send(stranger, "join private-team-a ref=r1");
        fixture.send(anonymous, "join private-team-a ref=r2");

        assertThat(refused).isInstanceOfSatisfying(RoomResult.Refused.class,
                r -> assertThat(r.error().code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(fixture.received(stranger)).containsExactly("error forbidden ref=r1");
        assertThat(fixture.received(anonymous)).containsExactly("error forbidden ref=r2");
        assertThat(fixture.received(member)).isEmpty();
        assertThat(fixture.membership.isMember(TEAM_A, stranger)).isFalse();
        assertThat(fixture.membership.size(TEAM_A)).isEqualTo(1);
    }

    @Test
    void given_an_exact_or_a_prefix_grant_then_the_private_room_is_joined() {
        ConnectionId exact = fixture.connect("exact", RoomsFixture.user("e", "private-team-a"));
        ConnectionId prefix = fixture.connect("prefix", RoomsFixture.user("p", "private-team-*"));

        fixture.send(exact, "join private-team-a");
        fixture.send(prefix, "join private-team-a");

        assertThat(fixture.received(exact)).containsExactly("joined private-team-a lastSeq=0", "presence private-team-a join p");
        assertThat(fixture.received(prefix)).containsExactly("joined private-team-a lastSeq=0");
        assertThat(fixture.membership.size(TEAM_A)).isEqualTo(2);
    }

    @Test
    void open_rooms_are_open_to_anonymous_users() {
        ConnectionId anonymous = fixture.connect("anonymous");

        fixture.send(anonymous, "join lobby");

        assertThat(fixture.received(anonymous)).containsExactly("joined lobby lastSeq=0");
    }

    @Test
    void a_policy_of_the_library_users_decides_instead() {
        RoomPolicy staffRooms = (user, room) -> room.value().startsWith("staff-")
                ? user.isGranted(room.value())
                : RoomPolicy.standard().mayEnter(user, room);
        RoomsFixture custom = new RoomsFixture(RoomsFixture.policy(staffRooms));
        ConnectionId staff = custom.connect("staff", RoomsFixture.user("s", "staff-*"));
        ConnectionId guest = custom.connect("guest");

        custom.send(staff, "join staff-room");
        custom.send(guest, "join staff-room ref=g");
        custom.send(guest, "join lobby");

        assertThat(custom.received(staff)).containsExactly("joined staff-room lastSeq=0");
        assertThat(custom.received(guest)).containsExactly("error forbidden ref=g", "joined lobby lastSeq=0");
    }
}
