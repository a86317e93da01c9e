package io.github.wschat.inmemory;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.MessageId;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.port.out.AppendResult;
import io.github.wschat.core.port.out.MessageLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link MessageLog} in memory.
 *
 * <p>Each room has its own lock: an append takes the room's next seq and stores the message and its id
 * under it, so seqs are atomic and an id is stored once however many appends of it run at once, while
 * rooms never wait on each other. Messages expire {@linkplain Builder#retention retention} after their
 * {@code sentAt}, by the {@linkplain Builder#clock clock}; expired ones are dropped as reads and appends
 * meet them, and a read that reaches back past them is {@link HistoryPage#truncated() truncated}.
 *
 * <pre>{@code
 * InMemoryMessageLog log = InMemoryMessageLog.builder().retention(Duration.ofHours(1)).clock(clock).build();
 * log.append(new NewMessage(RoomName.of("lobby"), MessageId.of("m1"), UserRef.of("u1", "Alice"), "hi", clock.instant()));
 * assert log.lastSeq(RoomName.of("lobby")) == 1;
 * }</pre>
 */
public final class InMemoryMessageLog implements MessageLog {

    private final Map<RoomName, Room> rooms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;

    private InMemoryMessageLog(Builder builder) {
        this.clock = builder.clock;
        this.retention = builder.retention;
    }

    /** An empty log keeping messages {@link MessageLog#DEFAULT_RETENTION} by the system clock. */
    public static InMemoryMessageLog create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AppendResult append(NewMessage message) {
        Objects.requireNonNull(message, "message");
        Room room = rooms.computeIfAbsent(message.room(), name -> new Room());
        synchronized (room) {
            room.dropExpired(clock.instant());
            RoomMessage first = room.byId.get(message.id());
            if (first != null) {
                return AppendResult.duplicate(first);
            }
            RoomMessage stored = RoomMessage.of(message, ++room.lastSeq);
            room.add(stored);
            return AppendResult.stored(stored);
        }
    }

    @Override
    public long lastSeq(RoomName room) {
        Room found = rooms.get(room);
        if (found == null) {
            return 0;
        }
        synchronized (found) {
            return found.lastSeq;
        }
    }

    @Override
    public HistoryPage read(RoomName room, long afterSeq, int limit) {
        RoomRequest.requireValidHistoryRange(afterSeq, limit);
        Room found = rooms.get(room);
        if (found == null) {
            return new HistoryPage(List.of(), 0, false, false);
        }
        synchronized (found) {
            found.dropExpired(clock.instant());
            boolean truncated = afterSeq < found.expiredThrough;
            List<RoomMessage> page = new ArrayList<>(Math.min(limit, found.bySeq.size()));
            Iterator<RoomMessage> after = found.bySeq.tailMap(afterSeq, false).values().iterator();
            while (page.size() < limit && after.hasNext()) {
                page.add(after.next());
            }
            return new HistoryPage(page, found.lastSeq, after.hasNext(), truncated);
        }
    }

    /** How many messages of the room are kept now, expired ones not yet dropped included. */
    public int size(RoomName room) {
        Room found = rooms.get(room);
        if (found == null) {
            return 0;
        }
        synchronized (found) {
            return found.bySeq.size();
        }
    }

    private boolean isExpired(RoomMessage message, Instant now) {
        return !now.isBefore(message.sentAt().plus(retention));
    }

    /** One room's messages, guarded by the room itself. */
    private final class Room {
        long lastSeq;
        /** The highest seq dropped for its age: a read after a smaller seq is truncated. */
        long expiredThrough;
        final TreeMap<Long, RoomMessage> bySeq = new TreeMap<>();
        final Map<MessageId, RoomMessage> byId = new HashMap<>();
        /** Oldest first: sentAt mostly ascends with seq, but not always (the clocks of several hosts). */
        final PriorityQueue<RoomMessage> byAge = new PriorityQueue<>(Comparator.comparing(RoomMessage::sentAt));

        void add(RoomMessage message) {
            bySeq.put(message.seq(), message);
            byId.put(message.id(), message);
            byAge.add(message);
        }

        void dropExpired(Instant now) {
            while (!byAge.isEmpty() && isExpired(byAge.peek(), now)) {
                RoomMessage expired = byAge.poll();
                bySeq.remove(expired.seq());
                byId.remove(expired.id());
                expiredThrough = Math.max(expiredThrough, expired.seq());
            }
        }
    }

    /** Configures the log; every setting has a default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration retention = DEFAULT_RETENTION;

        private Builder() {
        }

        /** Tells when messages expire; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How long a message is kept after its {@code sentAt}; default {@link MessageLog#DEFAULT_RETENTION}, 7 days. */
        public Builder retention(Duration value) {
            this.retention = value;
            return this;
        }

        public InMemoryMessageLog build() {
            Objects.requireNonNull(clock, "clock must not be null");
            Objects.requireNonNull(retention, "retention must not be null");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive, is " + retention);
            }
            return new InMemoryMessageLog(this);
        }
    }
}
