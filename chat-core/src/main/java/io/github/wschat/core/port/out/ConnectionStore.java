package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;

import java.util.Optional;

/**
 * Keeps the connections the chat knows of.
 *
 * <p>Reading all connections is done page by page with {@link #findPage(PageRequest)}, so a store of
 * a million connections is never loaded into one list:
 * <pre>{@code
 * PageRequest request = PageRequest.first(500);
 * while (true) {
 *     ConnectionPage page = store.findPage(request);
 *     page.connections().forEach(this::handle);
 *     if (page.next().isEmpty()) break;
 *     request = request.after(page.next().get());
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe. A connection saved before an iteration starts and not removed
 * before it ends is returned exactly once by that iteration, whatever else is saved or removed
 * meanwhile. Failures are {@link ConnectionStoreException}s with their cause.
 */
public interface ConnectionStore {

    /** Stores a connection, replacing one with the same id. */
    void save(Connection connection);

    /** Removes a connection; removing one that is not there does nothing. */
    void remove(ConnectionId id);

    /** The connection with this id, if stored (and not expired, for stores that expire entries). */
    Optional<Connection> find(ConnectionId id);

    /** One page of connections, in an order of the store's choosing that stays stable across pages. */
    ConnectionPage findPage(PageRequest request);
}
