package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.Connection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of stored connections and, when more may follow, the cursor of the next page.
 *
 * <p>A page may hold fewer connections than asked, even none, while a next cursor is present
 * (DynamoDB stops a page at 1 MB and after filtering). Iteration ends only when {@link #next()} is empty.
 */
public final class ConnectionPage {

    private final List<Connection> connections;
    private final PageCursor next;

    private ConnectionPage(List<Connection> connections, PageCursor next) {
        this.connections = List.copyOf(Objects.requireNonNull(connections, "connections"));
        this.next = next;
    }

    /** A page followed by more, starting at {@code next}. */
    public static ConnectionPage of(List<Connection> connections, PageCursor next) {
        return new ConnectionPage(connections, Objects.requireNonNull(next, "next"));
    }

    /** The last page. */
    public static ConnectionPage last(List<Connection> connections) {
        return new ConnectionPage(connections, null);
    }

    public List<Connection> connections() {
        return connections;
    }

    /** The cursor of the following page; empty on the last page. */
    public Optional<PageCursor> next() {
        return Optional.ofNullable(next);
    }

    @Override
    public String toString() {
        return "ConnectionPage[" + connections.size() + " connections, next=" + next + "]";
    }
}
