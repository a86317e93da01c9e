package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;

import java.util.List;
import java.util.Optional;

/**
 * Which connections are in which rooms. A connection joins a room once (joining again changes
 * nothing); a user with several connections in a room has a membership for each.
 *
 * <p>A room's members are read page by page, as the connections of a {@link ConnectionStore} are, so
 * a fan-out to a room reads that room's members only, never the whole table:
 * <pre>{@code
 * PageRequest request = PageRequest.first(500);
 * while (true) {
 *     MembershipPage page = membership.members(room, request);
 *     page.memberships().forEach(this::deliver);
 *     if (page.next().isEmpty()) break;
 *     request = request.after(page.next().get());
 * }
 * }</pre>
 *
 * <p>On DynamoDB a room is a partition (Query by room, never a Scan) and the rooms of a connection
 * an index keyed by connection, so {@link #removeConnection} is one Query and a batch of deletes.
 * Implementations are thread-safe; a membership present before an iteration of a room starts and
 * not removed before it ends is returned exactly once by it. Failures are
 * {@link RoomMembershipException}s with their cause.
 */
public interface RoomMembership {

    /**
     * Puts a connection in a room.
     *
     * @return {@code true} if the connection was not in the room; {@code false} if it was, and then the
     *         stored membership is kept as it was (its {@code joinedAt} and user)
     */
    boolean join(Membership membership);

    /**
     * Takes a connection out of a room.
     *
     * @return the membership removed, or empty when the connection was not in the room
     */
    Optional<Membership> leave(RoomName room, ConnectionId connection);

    /** Whether the connection is in the room. */
    boolean isMember(RoomName room, ConnectionId connection);

    /**
     * How many connections of the user {@code userId} are in the room; presence tells a leave when
     * it drops to 0. On DynamoDB, one Query of the room's partition (or a counter), not a read of its members.
     */
    int connectionCount(RoomName room, String userId);

    /**
     * One page of a room's memberships, in an order of the store's choosing that stays stable across
     * pages. A page may hold fewer than asked, even none, while a next cursor is present; iteration ends
     * only when {@link MembershipPage#next()} is empty. A room nobody is in has one empty last page.
     */
    MembershipPage members(RoomName room, PageRequest request);

    /**
     * Takes a connection out of every room it is in ({@code $disconnect}, a 410, TTL expiry), in a
     * bounded number of calls: it never reads a room's members.
     *
     * @return the memberships removed, one per room, so that presence can tell the leaves; empty when
     *         the connection was in no room (removing it twice removes nothing the second time)
     */
    List<Membership> removeConnection(ConnectionId connection);
}
