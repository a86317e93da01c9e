package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.NewMessage;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;

import java.time.Duration;

/**
 * The messages of every room, each under its room's sequence number (PROTOCOL §4–5).
 *
 * <ul>
 *   <li><b>Sequence numbers</b>: {@link #append} gives a room's messages 1, 2, 3 … in the order it
 *       takes them, never the same one twice, under any number of concurrent appends (on DynamoDB an
 *       atomic counter, UpdateItem ADD). A number taken whose write then failed is a <em>gap</em>:
 *       it is never reused, and reads skip it.</li>
 *   <li><b>Idempotency</b>: a message id is stored once per room. Appending an id the room already
 *       has stores nothing and answers the first message, its seq included, also when the appends
 *       of that id run at once. Ids are remembered at least as long as their messages.</li>
 *   <li><b>Retention</b>: a message is kept for the log's retention after its {@code sentAt} (default
 *       {@link #DEFAULT_RETENTION}, configured on the adapter; DynamoDB TTL), and then no read returns it.
 *       A read that reaches back past the retention says so ({@link HistoryPage#truncated()}).</li>
 * </ul>
 *
 * <p>Implementations are thread-safe. Failures are {@link MessageLogException}s with their cause;
 * an append that throws may have taken a seq (a gap) but has not stored the message <em>and</em>
 * remembered its id apart: a retry of it either stores it or finds it.
 */
public interface MessageLog {

    /** How long messages are kept unless the adapter is configured otherwise: 7 days. */
    Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** The most messages one {@link #read} returns. */
    int MAX_READ_LIMIT = RoomRequest.MAX_LIMIT;

    /**
     * Stores a message under the room's next sequence number, unless the room has its id already.
     *
     * @return the stored message with its seq, or, for an id the room has, the first message of that id
     *         ({@link AppendResult#duplicate()}), nothing stored
     */
    AppendResult append(NewMessage message);

    /** The room's latest sequence number taken, 0 when none was; it may be a gap or an expired message. */
    long lastSeq(RoomName room);

    /**
     * The room's messages with a seq greater than {@code afterSeq}, seq ascending, at most {@code limit}
     * of them. {@link HistoryPage#more()} says whether more follow the page's last message;
     * {@link HistoryPage#truncated()} whether messages after {@code afterSeq} have expired (a gap is
     * not an expiry); {@link HistoryPage#lastSeq()} is {@link #lastSeq} at the time of the read. Expired
     * messages are never returned, even if the engine has not deleted them yet.
     *
     * @param afterSeq 0 or more; 0 reads from the first message
     * @param limit    1 to {@value #MAX_READ_LIMIT}
     * @throws IllegalArgumentException for a negative {@code afterSeq} or a {@code limit} out of range
     */
    HistoryPage read(RoomName room, long afterSeq, int limit);
}
