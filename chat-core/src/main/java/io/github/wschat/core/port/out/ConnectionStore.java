package io.github.wschat.core.port.out;

import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;

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

    /**
     * The connection with this id as it was saved, its {@link Connection#user() user} included, if stored
     * (and not expired, for stores that expire entries).
     */
    Optional<Connection> find(ConnectionId id);

    /**
     * One page of connections, in an order of the store's choosing that stays stable across pages.
     *
     * <p>Pages are for reaching the connections, as a broadcast does: a store may leave out of them what
     * that does not need, the user above all (up to {@value UserIdentity#MAX_ROOM_GRANTS} grants each). A
     * paged connection then carries its {@linkplain UserIdentity#anonymous anonymous} user instead of the
     * one it was saved with; {@link #find} tells who opened a connection.
     */
    ConnectionPage findPage(PageRequest request);
}
