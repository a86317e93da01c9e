package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserIdentity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard room policy of PROTOCOL §3. */
class RoomPolicyTest {

    private static final RoomPolicy STANDARD = RoomPolicy.standard();

    @Test
    void given_an_open_room_then_every_user_may_enter_anonymous_ones_too() {
        UserIdentity anonymous = UserIdentity.anonymous(ConnectionId.of("C1"));

        assertThat(STANDARD.mayEnter(anonymous, RoomName.of("lobby"))).isTrue();
        assertThat(STANDARD.mayEnter(anonymous, RoomName.of("private"))).as("no dash: not private").isTrue();
    }

    @Test
    void given_a_private_room_then_only_an_exact_or_prefix_grant_lets_in() {
        RoomName teamA = RoomName.of("private-team-a");
        UserIdentity exact = UserIdentity.of("u1", "Exact", List.of("private-team-a"));
        UserIdentity prefix = UserIdentity.of("u2", "Prefix", List.of("lobby", "private-team-*"));
        UserIdentity other = UserIdentity.of("u3", "Other", List.of("private-team-b", "private-ops-*"));

        assertThat(STANDARD.mayEnter(exact, teamA)).isTrue();
        assertThat(STANDARD.mayEnter(prefix, teamA)).isTrue();
        assertThat(STANDARD.mayEnter(other, teamA)).isFalse();
        assertThat(STANDARD.mayEnter(UserIdentity.anonymous(ConnectionId.of("C1")), teamA)).isFalse();
        assertThat(STANDARD.mayEnter(exact, RoomName.of("private-team-ab"))).as("exact means exact").isFalse();
    }
}
