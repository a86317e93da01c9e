package io.github.wschat.core.service;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.port.out.RoomEventRenderer;

import java.util.Objects;

/**
 * Fits a page of a room's log to the {@link PayloadLimit} (API Gateway's 128 KB): the page, or its longest first
 * part whose {@code history} reply fits, with {@code more}, so that a client paging on gets every message (publish
 * refuses a message that would not fit alone). The WebSocket {@code history} and the server API's read share it,
 * so both answer the same page.
 */
final class HistoryFitting {

    private final RoomEventRenderer renderer;
    private final PayloadLimit payloadLimit;

    HistoryFitting(RoomEventRenderer renderer, PayloadLimit payloadLimit) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.payloadLimit = Objects.requireNonNull(payloadLimit, "payloadLimit");
    }

    /** The page that fits, and its reply rendered with {@code ref}. */
    record Fitted(HistoryPage page, String reply) {
    }

    /**
     * A binary search, so at most 7 renderings of a page of 100, and only when the whole page is too large.
     */
    Fitted fit(RoomName room, HistoryPage page, String ref) {
        String whole = renderer.history(room, page, ref);
        if (payloadLimit.fits(whole) || page.messages().size() < 2) {
            return new Fitted(page, whole);
        }
        int fits = 1;
        int tooMany = page.messages().size();
        HistoryPage fitting = part(page, 1);
        String reply = renderer.history(room, fitting, ref);
        while (tooMany - fits > 1) {
            int middle = (fits + tooMany) >>> 1;
            HistoryPage tried = part(page, middle);
            String triedReply = renderer.history(room, tried, ref);
            if (payloadLimit.fits(triedReply)) {
                fits = middle;
                fitting = tried;
                reply = triedReply;
            } else {
                tooMany = middle;
            }
        }
        return new Fitted(fitting, reply);
    }

    private static HistoryPage part(HistoryPage page, int count) {
        return new HistoryPage(page.messages().subList(0, count), page.lastSeq(), true, page.truncated());
    }
}
