package io.github.wschat.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who speaks on a connection (PROTOCOL §2, §3): what a user may be called and which rooms a grant opens. */
class UserIdentityTest {

    private static final String NAME_64 = "r".repeat(64);

    @Test
    void given_a_verified_users_claims_then_they_are_kept_as_given() {
        UserIdentity alice = UserIdentity.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Zoë Ålice 🎉",
                List.of("private-team-*", "lobby"));

        assertThat(alice.userId()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(alice.name()).isEqualTo("Zoë Ålice 🎉");
        assertThat(alice.roomGrants()).containsExactly("private-team-*", "lobby");
        assertThat(alice.isAnonymous()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\u2003"})
    void given_a_blank_user_id_or_name_then_refused(String blank) {
        assertThatThrownBy(() -> UserIdentity.of(blank, "Alice", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("user id must have 1 to 256");
        assertThatThrownBy(() -> UserIdentity.of("user-1", blank, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name must have 1 to 128");
    }

    @Test
    void given_null_parts_then_refused() {
        assertThatThrownBy(() -> UserIdentity.of(null, "Alice", List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> UserIdentity.of("user-1", null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> UserIdentity.of("user-1", "Alice", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_the_longest_user_id_and_name_then_accepted_and_one_more_character_is_refused() {
        String longestId = "u".repeat(UserIdentity.MAX_USER_ID_LENGTH);
        String longestName = "n".repeat(UserIdentity.MAX_NAME_LENGTH);

        assertThat(UserIdentity.of(longestId, longestName, List.of()).userId()).hasSize(256);
        assertThatThrownBy(() -> UserIdentity.of(longestId + "u", "Alice", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user id must have 1 to 256 characters,"
                        + " not blank, has 257");
        assertThatThrownBy(() -> UserIdentity.of("user-1", longestName + "n", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must have 1 to 128 characters,"
                        + " not blank, has 129");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ali\u0000ce", "alice\n", "ali\rce", "ali\tce", "alice\u001b[31m", "alice\u007f", "alice\u0085"})
    void given_control_characters_then_refused_and_the_message_shows_none(String withControl) {
        assertThatThrownBy(() -> UserIdentity.of(withControl, "Alice", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("user id must not hold control characters: \"ali")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cc}"));
        assertThatThrownBy(() -> UserIdentity.of("user-1", withControl, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name must not hold control characters");
    }

    @Test
    void given_a_refused_long_value_then_the_message_shows_only_its_start() {
        String secretish = "a".repeat(40) + "\u0000" + "b".repeat(200);

        assertThatThrownBy(() -> UserIdentity.of("user-1", secretish.substring(0, 100), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not hold control characters: \"" + "a".repeat(40) + "…\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lobby", "private-team-a", "private-team-*", "*", "a", "room_1.v2:eu-west",
            "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
            "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr*"})
    void given_a_room_name_or_a_prefix_ending_in_a_star_then_it_is_a_grant(String grant) {
        assertThat(UserIdentity.isValidGrant(grant)).isTrue();
        assertThat(UserIdentity.of("user-1", "Alice", List.of(grant)).roomGrants()).containsExactly(grant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a,b", "private,*", "private team", "room/1", "room#1", "é", "**", "*a",
            "a*b", "private-*-team", "lobby\n",
            "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
            "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr*"})
    void given_anything_else_then_it_is_no_grant_and_the_user_is_refused(String grant) {
        assertThat(UserIdentity.isValidGrant(grant)).isFalse();
        assertThatThrownBy(() -> UserIdentity.of("user-1", "Alice", List.of("lobby", grant)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a room grant is a room name or a prefix ending in *");
    }

    @Test
    void the_grant_bounds_are_those_of_a_room_name_64_characters_and_a_65_character_one_is_refused() {
        assertThat(NAME_64).hasSize(64);
        assertThat(UserIdentity.isValidGrant(NAME_64)).isTrue();
        assertThat(UserIdentity.isValidGrant(NAME_64 + "r")).isFalse();
        assertThat(UserIdentity.isValidGrant(NAME_64.substring(1) + "*")).isTrue();
        assertThat(UserIdentity.isValidGrant(NAME_64 + "*")).isFalse();
        assertThat(UserIdentity.isValidGrant(null)).isFalse();
    }

    @Test
    void given_a_null_grant_then_the_user_is_refused() {
        assertThatThrownBy(() -> UserIdentity.of("user-1", "Alice", Arrays.asList("lobby", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(": null");
    }

    @Test
    void given_at_most_256_grants_then_accepted_and_more_are_refused() {
        List<String> grants = new ArrayList<>(Collections.nCopies(UserIdentity.MAX_ROOM_GRANTS, "lobby"));

        assertThat(UserIdentity.of("user-1", "Alice", grants).roomGrants()).hasSize(256);
        grants.add("lobby");
        assertThatThrownBy(() -> UserIdentity.of("user-1", "Alice", grants))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at most 256 room grants, got 257");
    }

    @Test
    void the_grants_are_copied_in_their_order_and_cannot_be_changed() {
        List<String> grants = new ArrayList<>(List.of("zeta", "private-team-*", "alpha"));
        UserIdentity user = UserIdentity.of("user-1", "Alice", grants);
        grants.clear();

        assertThat(user.roomGrants()).containsExactly("zeta", "private-team-*", "alpha");
        assertThatThrownBy(() -> user.roomGrants().add("*")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void an_exact_grant_opens_that_room_only() {
        UserIdentity user = UserIdentity.of("user-1", "Alice", List.of("private-team-a"));

        assertThat(user.isGranted("private-team-a")).isTrue();
        assertThat(user.isGranted("private-team-ab")).isFalse();
        assertThat(user.isGranted("private-team-")).isFalse();
        assertThat(user.isGranted("Private-team-a")).as("room names are case-sensitive").isFalse();
    }

    @Test
    void a_prefix_grant_opens_every_room_starting_with_its_prefix() {
        UserIdentity user = UserIdentity.of("user-1", "Alice", List.of("private-team-*"));

        assertThat(user.isGranted("private-team-a")).isTrue();
        assertThat(user.isGranted("private-team-backend.eu")).isTrue();
        assertThat(user.isGranted("private-team-")).isTrue();
        assertThat(user.isGranted("private-teams")).isFalse();
        assertThat(user.isGranted("private-team")).isFalse();
        assertThat(user.isGranted("private-other")).isFalse();
        assertThat(user.isGranted("x-private-team-a")).isFalse();
    }

    @Test
    void a_star_alone_opens_every_room() {
        UserIdentity admin = UserIdentity.of("admin", "Admin", List.of("*"));

        assertThat(admin.isGranted("private-team-a")).isTrue();
        assertThat(admin.isGranted("lobby")).isTrue();
    }

    @Test
    void no_grant_opens_no_room_and_any_matching_grant_among_several_does() {
        UserIdentity none = UserIdentity.of("user-1", "Alice", List.of());
        UserIdentity several = UserIdentity.of("user-1", "Alice", List.of("lobby", "private-ops-*", "private-team-a"));

        assertThat(none.isGranted("private-team-a")).isFalse();
        assertThat(several.isGranted("private-team-a")).isTrue();
        assertThat(several.isGranted("private-ops-eu")).isTrue();
        assertThat(several.isGranted("private-team-b")).isFalse();
    }

    @Test
    void the_anonymous_user_of_a_connection_is_anon_colon_its_id_named_anonymous_with_no_grant() {
        UserIdentity anonymous = UserIdentity.anonymous(ConnectionId.of("Bq3xkcNyoAMCJpQ="));

        assertThat(anonymous).isEqualTo(UserIdentity.of("anon:Bq3xkcNyoAMCJpQ=", "anonymous", List.of()));
        assertThat(anonymous.isAnonymous()).isTrue();
        assertThat(anonymous.isGranted("private-team-a")).isFalse();
        assertThat(UserIdentity.anonymous(ConnectionId.of("L0SM9cOFvHcCIhw="))).as("one user per connection")
                .isNotEqualTo(anonymous);
        assertThat(UserIdentity.anonymous(ConnectionId.of("x".repeat(ConnectionId.MAX_LENGTH))).userId())
                .as("the longest connection id still makes a user id").hasSize(133);
    }
}
