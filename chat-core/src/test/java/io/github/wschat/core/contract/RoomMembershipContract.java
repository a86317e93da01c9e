package io.github.wschat.core.contract;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RoomMembership} must do. An adapter's test extends this class and says how to make
 * an empty one; every test here then runs against that adapter.
 *
 * <pre>{@code
 * class MyRoomMembershipContractTest extends RoomMembershipContract {
 *     protected RoomMembership createEmptyMembership() { return new MyRoomMembership(…); }
 * }
 * }</pre>
 */
public abstract class RoomMembershipContract {

    /** Stores keep at least millisecond precision; tests use instants at that precision. */
    protected static final Instant JOINED_AT = Instant.parse("2026-12-02T10:15:30.123Z");
    protected static final RoomName LOBBY = RoomName.of("lobby");
    protected static final RoomName TEAM = RoomName.of("private-team-a");
    protected static final UserRef ALICE = UserRef.of("7c9e6679-7425-40de-944b-e07fc1f90ae7", "Alice Ø'\"<b>");
    protected static final UserRef BOB = UserRef.of("auth0|5f7c8ec7c33c6c004bbafe82", "bob");

    private RoomMembership membership;

    /** A new membership store with nobody in any room; called before each test. */
    protected abstract RoomMembership createEmptyMembership();

    @BeforeEach
    void setUpMembership() {
        membership = createEmptyMembership();
    }

    protected RoomMembership membership() {
        return membership;
    }

    protected static Membership membership(RoomName room, String connection, UserRef user) {
        return Membership.of(room, ConnectionId.of(connection), user, JOINED_AT);
    }

    @Test
    void given_a_connection_when_it_joins_then_it_is_a_member_with_every_field_kept() {
        Membership joined = membership(LOBBY, "Bq3xkcNyoAMCJpQ=", ALICE);

        assertThat(membership.join(joined)).isTrue();

        assertThat(membership.isMember(LOBBY, joined.connection())).isTrue();
        assertThat(membership.isMember(TEAM, joined.connection())).as("another room").isFalse();
        assertThat(membership.isMember(LOBBY, ConnectionId.of("Bq3xkcNyoAMCJpR="))).as("another connection").isFalse();
        assertThat(allMembers(LOBBY, 10)).containsExactly(joined);
    }

    @Test
    void given_a_member_when_it_joins_again_then_nothing_changes_and_the_first_membership_is_kept() {
        Membership first = membership(LOBBY, "A", ALICE);
        membership.join(first);

        boolean isNew = membership.join(Membership.of(LOBBY, ConnectionId.of("A"), ALICE, JOINED_AT.plusSeconds(60)));

        assertThat(isNew).isFalse();
        assertThat(allMembers(LOBBY, 10)).containsExactly(first);
        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(1);
    }

    @Test
    void given_concurrent_joins_of_one_connection_then_exactly_one_is_new() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> joins = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                joins.add(threads.submit(() -> {
                    start.await();
                    return membership.join(membership(LOBBY, "A", ALICE));
                }));
            }
            start.countDown();
            List<Boolean> isNew = new ArrayList<>();
            for (Future<Boolean> join : joins) {
                isNew.add(join.get(60, TimeUnit.SECONDS));
            }

            assertThat(isNew).containsOnlyOnce(true);
            assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void given_a_member_when_it_leaves_then_the_membership_is_returned_and_gone() {
        Membership joined = membership(LOBBY, "A", ALICE);
        membership.join(joined);
        membership.join(membership(LOBBY, "B", BOB));

        assertThat(membership.leave(LOBBY, joined.connection())).contains(joined);

        assertThat(membership.isMember(LOBBY, joined.connection())).isFalse();
        assertThat(allMembers(LOBBY, 10)).extracting(m -> m.connection().value()).containsExactly("B");
        assertThat(membership.leave(LOBBY, joined.connection())).as("leaving twice").isEmpty();
    }

    @Test
    void leaving_a_room_one_is_not_in_does_nothing() {
        membership.join(membership(TEAM, "A", ALICE));

        assertThat(membership.leave(LOBBY, ConnectionId.of("A"))).isEmpty();
        assertThat(membership.leave(LOBBY, ConnectionId.of("nobody"))).isEmpty();
        assertThat(membership.isMember(TEAM, ConnectionId.of("A"))).isTrue();
    }

    @Test
    void a_users_connections_in_a_room_are_counted_per_room() {
        membership.join(membership(LOBBY, "A1", ALICE));
        membership.join(membership(LOBBY, "A2", ALICE));
        membership.join(membership(TEAM, "A3", ALICE));
        membership.join(membership(LOBBY, "B1", BOB));

        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(2);
        assertThat(membership.connectionCount(TEAM, ALICE.userId())).isEqualTo(1);
        assertThat(membership.connectionCount(TEAM, BOB.userId())).isZero();

        membership.leave(LOBBY, ConnectionId.of("A1"));
        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(1);
        membership.leave(LOBBY, ConnectionId.of("A2"));
        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isZero();
        assertThat(membership.connectionCount(RoomName.of("empty"), ALICE.userId())).isZero();
    }

    @Test
    void given_an_empty_room_when_paged_then_one_last_empty_page() {
        membership.join(membership(TEAM, "A", ALICE));

        MembershipPage page = membership.members(LOBBY, PageRequest.first(10));

        assertThat(page.memberships()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void given_250_members_when_paged_in_small_pages_then_each_comes_exactly_once_and_no_other_rooms() {
        List<Membership> joined = IntStream.range(0, 250)
                .mapToObj(i -> membership(LOBBY, "conn-" + i, i % 2 == 0 ? ALICE : UserRef.of("user-" + i, "User " + i)))
                .toList();
        joined.forEach(membership::join);
        IntStream.range(0, 40).forEach(i -> membership.join(membership(TEAM, "other-" + i, BOB)));

        List<Integer> pageSizes = new ArrayList<>();
        List<Membership> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(7);
        while (true) {
            MembershipPage page = membership.members(LOBBY, request);
            pageSizes.add(page.memberships().size());
            seen.addAll(page.memberships());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.after(page.next().get());
        }

        assertThat(seen).hasSize(250).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(joined);
        assertThat(pageSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(7));
        assertThat(pageSizes.size()).isGreaterThanOrEqualTo(250 / 7);
        assertThat(membership.connectionCount(LOBBY, ALICE.userId())).isEqualTo(125);
    }

    @Test
    void given_a_connection_in_several_rooms_when_removed_then_it_leaves_every_one_and_says_which() {
        List<RoomName> rooms = IntStream.range(0, 30).mapToObj(i -> RoomName.of("room-" + i)).toList();
        rooms.forEach(room -> membership.join(membership(room, "A", ALICE)));
        rooms.forEach(room -> membership.join(membership(room, "B", BOB)));

        List<Membership> removed = membership.removeConnection(ConnectionId.of("A"));

        assertThat(removed).containsExactlyInAnyOrderElementsOf(
                rooms.stream().map(room -> membership(room, "A", ALICE)).toList());
        assertThat(rooms).allSatisfy(room -> {
            assertThat(membership.isMember(room, ConnectionId.of("A"))).isFalse();
            assertThat(membership.isMember(room, ConnectionId.of("B"))).isTrue();
            assertThat(membership.connectionCount(room, ALICE.userId())).isZero();
        });
        assertThat(membership.removeConnection(ConnectionId.of("A"))).as("removed twice").isEmpty();
        assertThat(membership.removeConnection(ConnectionId.of("nobody"))).isEmpty();
    }

    @Test
    void given_a_removed_connection_when_it_joins_again_then_it_is_a_member_again() {
        membership.join(membership(LOBBY, "A", ALICE));
        membership.removeConnection(ConnectionId.of("A"));

        assertThat(membership.join(membership(LOBBY, "A", ALICE))).isTrue();
        assertThat(membership.isMember(LOBBY, ConnectionId.of("A"))).isTrue();
    }

    /** Every membership of a room, walking all pages of the given size. */
    protected List<Membership> allMembers(RoomName room, int pageSize) {
        List<Membership> members = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            MembershipPage page = membership.members(room, request);
            members.addAll(page.memberships());
            if (page.next().isEmpty()) {
                return members;
            }
            request = request.after(page.next().get());
        }
    }
}
