package io.github.wschat.core.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of connections (or of a room's memberships) to read: the first one, or the one after a cursor; and how many
 * connections a page should hold at most.
 *
 * <p>Built through {@link #first(int)} and {@link #after(PageCursor)} so that criteria added later
 * (a room, say) do not break callers.
 */
public final class PageRequest {

    /** A page size that keeps a page of connections small in memory yet few round trips. */
    public static final int DEFAULT_SIZE = 500;

    private final int size;
    private final PageCursor cursor;

    private PageRequest(int size, PageCursor cursor) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1, is " + size);
        }
        this.size = size;
        this.cursor = cursor;
    }

    /** The first page, of at most {@code size} connections. */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    /** The page after {@code next}, same size and criteria. */
    public PageRequest after(PageCursor next) {
        return new PageRequest(size, Objects.requireNonNull(next, "next"));
    }

    public int size() {
        return size;
    }

    /** Where to start; empty for the first page. */
    public Optional<PageCursor> cursor() {
        return Optional.ofNullable(cursor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRequest that && size == that.size && Objects.equals(cursor, that.cursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, cursor);
    }

    @Override
    public String toString() {
        return "PageRequest[size=" + size + ", cursor=" + cursor + "]";
    }
}
