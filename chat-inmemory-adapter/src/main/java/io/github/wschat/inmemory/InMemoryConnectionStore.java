package io.github.wschat.inmemory;

import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.PageRequest;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A thread-safe {@link ConnectionStore} in memory.
 *
 * <p>Connections are kept ordered by id and a page cursor is the last id of its page, so an
 * iteration returns every connection that stays stored throughout exactly once, while other threads
 * save and remove. Pages are built on demand: iterating never copies the whole store.
 *
 * <pre>{@code
 * InMemoryConnectionStore store = InMemoryConnectionStore.create();
 * store.save(Connection.of(ConnectionId.of("A1"), Instant.now(), ClientIdentity.UNKNOWN));
 * assert store.size() == 1;
 * }</pre>
 */
public final class InMemoryConnectionStore implements ConnectionStore {

    private final ConcurrentSkipListMap<String, Connection> connections = new ConcurrentSkipListMap<>();

    private InMemoryConnectionStore() {
    }

    /** An empty store. */
    public static InMemoryConnectionStore create() {
        return new InMemoryConnectionStore();
    }

    @Override
    public void save(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        connections.put(connection.id().value(), connection);
    }

    @Override
    public void remove(ConnectionId id) {
        connections.remove(id.value());
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(connections.get(id.value()));
    }

    @Override
    public ConnectionPage findPage(PageRequest request) {
        OrderedPages.Page<Connection> page = OrderedPages.page(connections, request);
        return page.next() != null ? ConnectionPage.of(page.values(), page.next()) : ConnectionPage.last(page.values());
    }

    /** How many connections are stored now. */
    public int size() {
        return connections.size();
    }

    /** Whether a connection with this id is stored now. */
    public boolean contains(ConnectionId id) {
        return connections.containsKey(id.value());
    }

    /** Removes every connection. */
    public void clear() {
        connections.clear();
    }
}
