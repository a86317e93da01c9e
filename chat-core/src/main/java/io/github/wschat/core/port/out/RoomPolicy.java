package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserIdentity;

/**
 * Who may enter which room (PROTOCOL §3). The {@linkplain #standard() standard} policy keeps
 * {@code private-} rooms to the users granted them and opens every other room to everyone; plug in
 * your own through {@code ChatServices.builder().roomPolicy(…)}:
 * <pre>{@code
 * RoomPolicy staffRooms = (user, room) -> room.value().startsWith("staff-")
 *         ? user.isGranted(room.value())                 // staff rooms need a grant too
 *         : RoomPolicy.standard().mayEnter(user, room);
 * }</pre>
 * Implementations are thread-safe and fast: the policy is asked on every join.
 */
@FunctionalInterface
public interface RoomPolicy {

    /** Whether {@code user} may join {@code room}. */
    boolean mayEnter(UserIdentity user, RoomName room);

    /**
     * A {@link RoomName#isPrivate() private} room ({@code private-…}) only for a user whose grants list it,
     * exactly or by a prefix ending in {@code *} ({@link UserIdentity#isGranted}); every other room open.
     */
    static RoomPolicy standard() {
        return (user, room) -> !room.isPrivate() || user.isGranted(room.value());
    }
}
