package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.Presence;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomEventRenderer;
import io.github.wschat.core.port.out.RoomMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fans out to one room: reads only the room's memberships, page by page, on the chat's shared
 * {@link FanOut}. A recipient found gone (410) is removed from the connection store and from every room
 * it was in; once the fan-out is over, each room where that was a user's last connection is told a
 * {@code presence} {@code leave}, and the recipients found gone while telling it are cleaned the same way.
 */
final class RoomFanOut {

    private static final Logger LOG = LoggerFactory.getLogger(RoomFanOut.class);

    private final ConnectionStore store;
    private final RoomMembership membership;
    private final RoomEventRenderer renderer;
    private final FanOut fanOut;

    RoomFanOut(ConnectionStore store, RoomMembership membership, RoomEventRenderer renderer, FanOut fanOut) {
        this.store = Objects.requireNonNull(store, "store");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
    }

    /** Sends {@code text} to every connection in the room but {@code except} ({@code null}: every one). */
    BroadcastReport toRoom(RoomName room, ConnectionId except, String text) {
        Cleanup gone = new Cleanup();
        try {
            return fanOut.send(request -> page(room, request), except, MessagePayload.of(text), gone);
        } finally {
            gone.finish();
        }
    }

    /**
     * Tells the room's connections but {@code except} that {@code user} joined or left. Never throws: the
     * caller has been answered already, so a failure is logged and told as a fan-out to nobody.
     */
    BroadcastReport presence(RoomName room, Presence event, UserRef user, ConnectionId except) {
        try {
            return toRoom(room, except, renderer.presence(room, event, user));
        } catch (RuntimeException e) {
            LOG.warn("could not tell room {} of a presence {}", room, event.wire(), e);
            return BroadcastReport.none();
        }
    }

    /** Whether the user has no connection left in the room, so that its leave is to be told. */
    boolean isGone(RoomName room, UserRef user) {
        return membership.connectionCount(room, user.userId()) == 0;
    }

    /**
     * Takes a connection out of every room, telling the leaves; for a connection closed or found gone
     * outside a fan-out.
     *
     * @return how many rooms it was in
     */
    int leaveAll(ConnectionId connection) {
        Cleanup cleanup = new Cleanup();
        try {
            return cleanup.forgetRooms(connection);
        } finally {
            cleanup.finish();
        }
    }

    /** For the broadcast: its gone recipients leave their rooms too. */
    GoneRecipients goneRecipients() {
        return new Cleanup();
    }

    private FanOut.Batch page(RoomName room, PageRequest request) {
        MembershipPage page = membership.members(room, request);
        return new FanOut.Batch(page.memberships().stream().map(Membership::connection).toList(),
                page.next().orElse(null));
    }

    /** The gone connections of one fan-out and the rooms they left, to tell once it is over. */
    private final class Cleanup implements GoneRecipients {

        private final Queue<Membership> left = new ConcurrentLinkedQueue<>();
        /** Room and user of each leave told, so that two connections of a user gone at once make one leave. */
        private final Set<List<String>> told = new HashSet<>();

        @Override
        public void remove(ConnectionId recipient) {
            store.remove(recipient);
            forgetRooms(recipient);
        }

        int forgetRooms(ConnectionId connection) {
            List<Membership> removed = membership.removeConnection(connection);
            left.addAll(removed);
            return removed.size();
        }

        @Override
        public void finish() {
            for (Membership leaving = left.poll(); leaving != null; leaving = left.poll()) {
                tellLeave(leaving);
            }
        }

        private void tellLeave(Membership leaving) {
            RoomName room = leaving.room();
            List<String> key = List.of(room.value(), leaving.user().userId());
            try {
                if (!told.contains(key) && isGone(room, leaving.user())) {
                    told.add(key);
                    // gone members met while telling are added to `left` and told in turn
                    fanOut.send(request -> page(room, request), null,
                            MessagePayload.of(renderer.presence(room, Presence.LEAVE, leaving.user())), this);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not tell room {} that {} left", room, leaving.connection(), e);
            }
        }
    }
}
