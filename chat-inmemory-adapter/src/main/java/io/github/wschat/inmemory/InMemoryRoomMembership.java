package io.github.wschat.inmemory;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A thread-safe {@link RoomMembership} in memory.
 *
 * <p>Each room keeps its memberships ordered by connection id, and a page cursor is the last id of its
 * page, so an iteration returns every membership that stays throughout exactly once while others join
 * and leave. An index of the rooms of each connection makes {@link #removeConnection} touch only those
 * rooms, as the DynamoDB adapter's index does. Changes hold one lock, so a room, the index and the
 * per-user counts always agree; reads take none.
 *
 * <pre>{@code
 * InMemoryRoomMembership rooms = InMemoryRoomMembership.create();
 * rooms.join(Membership.of(RoomName.of("lobby"), ConnectionId.of("A1"), UserRef.of("u1", "Alice"), Instant.now()));
 * assert rooms.isMember(RoomName.of("lobby"), ConnectionId.of("A1"));
 * }</pre>
 */
public final class InMemoryRoomMembership implements RoomMembership {

    private final Map<RoomName, ConcurrentSkipListMap<String, Membership>> rooms = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Set<RoomName>> roomsOfConnection = new ConcurrentHashMap<>();
    /** Room, then user id, then how many of the user's connections are in the room. */
    private final Map<RoomName, Map<String, Integer>> counts = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    private InMemoryRoomMembership() {
    }

    /** Nobody in any room. */
    public static InMemoryRoomMembership create() {
        return new InMemoryRoomMembership();
    }

    @Override
    public boolean join(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        synchronized (lock) {
            ConcurrentSkipListMap<String, Membership> room =
                    rooms.computeIfAbsent(membership.room(), name -> new ConcurrentSkipListMap<>());
            if (room.putIfAbsent(membership.connection().value(), membership) != null) {
                return false;
            }
            roomsOfConnection.computeIfAbsent(membership.connection(), id -> new ConcurrentSkipListSet<>(
                    (a, b) -> a.value().compareTo(b.value()))).add(membership.room());
            counts.computeIfAbsent(membership.room(), name -> new ConcurrentHashMap<>())
                    .merge(membership.user().userId(), 1, Integer::sum);
            return true;
        }
    }

    @Override
    public Optional<Membership> leave(RoomName room, ConnectionId connection) {
        synchronized (lock) {
            return Optional.ofNullable(removeLocked(room, connection));
        }
    }

    @Override
    public boolean isMember(RoomName room, ConnectionId connection) {
        ConcurrentSkipListMap<String, Membership> members = rooms.get(room);
        return members != null && members.containsKey(connection.value());
    }

    @Override
    public int connectionCount(RoomName room, String userId) {
        Map<String, Integer> users = counts.get(room);
        return users == null ? 0 : users.getOrDefault(userId, 0);
    }

    @Override
    public MembershipPage members(RoomName room, PageRequest request) {
        ConcurrentSkipListMap<String, Membership> members = rooms.get(room);
        if (members == null) {
            return MembershipPage.last(List.of());
        }
        OrderedPages.Page<Membership> page = OrderedPages.page(members, request);
        return page.next() != null ? MembershipPage.of(page.values(), page.next()) : MembershipPage.last(page.values());
    }

    @Override
    public List<Membership> removeConnection(ConnectionId connection) {
        synchronized (lock) {
            Set<RoomName> joined = roomsOfConnection.get(connection);
            if (joined == null) {
                return List.of();
            }
            List<Membership> removed = new ArrayList<>(joined.size());
            for (RoomName room : List.copyOf(joined)) {
                Membership membership = removeLocked(room, connection);
                if (membership != null) {
                    removed.add(membership);
                }
            }
            return removed;
        }
    }

    /** How many connections are in the room now. */
    public int size(RoomName room) {
        ConcurrentSkipListMap<String, Membership> members = rooms.get(room);
        return members == null ? 0 : members.size();
    }

    /** The rooms the connection is in now. */
    public Set<RoomName> roomsOf(ConnectionId connection) {
        Set<RoomName> joined = roomsOfConnection.get(connection);
        return joined == null ? Set.of() : Set.copyOf(joined);
    }

    /** Everybody out of every room. */
    public void clear() {
        synchronized (lock) {
            rooms.clear();
            roomsOfConnection.clear();
            counts.clear();
        }
    }

    private Membership removeLocked(RoomName room, ConnectionId connection) {
        ConcurrentSkipListMap<String, Membership> members = rooms.get(room);
        Membership removed = members == null ? null : members.remove(connection.value());
        if (removed == null) {
            return null;
        }
        if (members.isEmpty()) {
            rooms.remove(room);
        }
        Set<RoomName> joined = roomsOfConnection.get(connection);
        if (joined != null && joined.remove(room) && joined.isEmpty()) {
            roomsOfConnection.remove(connection);
        }
        Map<String, Integer> users = counts.get(room);
        if (users != null && users.merge(removed.user().userId(), -1, Integer::sum) <= 0) {
            users.remove(removed.user().userId());
            if (users.isEmpty()) {
                counts.remove(room);
            }
        }
        return removed;
    }
}
