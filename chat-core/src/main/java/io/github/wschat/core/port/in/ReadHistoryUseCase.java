package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.ServerResult;

/**
 * {@code GET /rooms/{room}/messages} (PROTOCOL §7): the page a member's {@code history} would get, the same
 * messages, {@code more} and {@code truncated} (fewer than asked, with {@code more}, when their reply would pass
 * the payload limit), for a caller the room policy lets in, or a backend; else {@code forbidden}.
 */
public interface ReadHistoryUseCase {

    /** Never throws for a failing store: that is a {@link ServerResult.Refused} with {@code internal}. */
    ServerResult<HistoryPage> read(ReadHistoryCommand command);
}
