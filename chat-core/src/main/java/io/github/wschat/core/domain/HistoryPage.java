package io.github.wschat.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * One page of a room's log read after a sequence number (PROTOCOL §5, the {@code history} reply).
 *
 * @param messages  the messages after the requested seq, seq ascending, at most the requested limit;
 *                  a seq whose write failed (a gap) or whose message expired is missing
 * @param lastSeq   the room's latest sequence number taken when the page was read, 0 for a room
 *                  never published to; it may be a gap. Never less than the seq of the page's last
 *                  message: a smaller one (a counter read before the messages) is raised to it
 * @param more      whether messages after the last one of this page exist: page on from its seq
 * @param truncated whether messages after the requested seq have expired (the retention), so that
 *                  the page starts later than the client asked
 */
public record HistoryPage(List<RoomMessage> messages, long lastSeq, boolean more, boolean truncated) {

    public HistoryPage {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative, is " + lastSeq);
        }
        long previous = 0;
        for (RoomMessage message : messages) {
            if (message.seq() <= previous) {
                throw new IllegalArgumentException("a history page's messages are in ascending seq order: "
                        + message.seq() + " after " + previous);
            }
            previous = message.seq();
        }
        // a log reading its counter before its messages may meet a message appended in between
        lastSeq = Math.max(lastSeq, previous);
    }

    /** The seq to ask the next page after: the last message's, or {@code after} for an empty page. */
    public long nextAfter(long after) {
        return messages.isEmpty() ? after : messages.get(messages.size() - 1).seq();
    }
}
