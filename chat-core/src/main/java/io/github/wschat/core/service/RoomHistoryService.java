package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.RoomHistoryCommand;
import io.github.wschat.core.port.in.RoomHistoryUseCase;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.RoomMembership;

import java.util.Objects;

/**
 * Answers a member a page of its room's log, after the seq it asks from: at most the messages whose reply
 * fits the {@link PayloadLimit} (API Gateway's 128 KB), fewer than asked with {@code more} when they do not
 * all fit, so that a client paging on gets every one (publish refuses a message that would not fit alone).
 */
final class RoomHistoryService implements RoomHistoryUseCase {

    private final RoomMembership membership;
    private final MessageLog log;
    private final RoomReplies replies;
    private final PayloadLimit payloadLimit;

    RoomHistoryService(RoomMembership membership, MessageLog log, RoomReplies replies, PayloadLimit payloadLimit) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.log = Objects.requireNonNull(log, "log");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.payloadLimit = Objects.requireNonNull(payloadLimit, "payloadLimit");
    }

    @Override
    public RoomResult history(RoomHistoryCommand command) {
        RoomName room = command.room();
        try {
            if (!membership.isMember(room, command.connection())) {
                return replies.notMember(command.connection(), room, command.ref());
            }
            HistoryPage page = log.read(room, command.after(), command.limit());
            return new RoomResult.Done(replies.send(command.connection(), fitting(room, page, command.ref())),
                    BroadcastReport.none());
        } catch (RuntimeException e) {
            return replies.internal(command.connection(), "read the history of room " + room, command.ref(), e);
        }
    }

    /**
     * The reply of the page, or of its longest first part whose reply fits the limit, with {@code more}: a
     * binary search, so at most 7 renderings of a page of 100, and only when the whole page is too large.
     */
    private String fitting(RoomName room, HistoryPage page, String ref) {
        String whole = replies.renderer().history(room, page, ref);
        if (payloadLimit.fits(whole) || page.messages().size() < 2) {
            return whole;
        }
        int fits = 1;
        int tooMany = page.messages().size();
        String reply = render(room, page, 1, ref);
        while (tooMany - fits > 1) {
            int middle = (fits + tooMany) >>> 1;
            String tried = render(room, page, middle, ref);
            if (payloadLimit.fits(tried)) {
                fits = middle;
                reply = tried;
            } else {
                tooMany = middle;
            }
        }
        return reply;
    }

    private String render(RoomName room, HistoryPage page, int count, String ref) {
        return replies.renderer().history(room, new HistoryPage(page.messages().subList(0, count), page.lastSeq(),
                true, page.truncated()), ref);
    }
}
