package io.github.wschat.aws.apigateway;

import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A minimal {@link ConnectionStore} for tests of this module, which must not depend on the
 * in-memory adapter: connections ordered by id, a page's cursor is its last id.
 */
final class SkipListConnectionStore implements ConnectionStore {

    private final ConcurrentSkipListMap<String, Connection> connections = new ConcurrentSkipListMap<>();

    @Override
    public void save(Connection connection) {
        connections.put(connection.id().value(), connection);
    }

    @Override
    public void remove(ConnectionId id) {
        connections.remove(id.value());
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(connections.get(Objects.requireNonNull(id).value()));
    }

    @Override
    public ConnectionPage findPage(PageRequest request) {
        ConcurrentNavigableMap<String, Connection> rest = request.cursor()
                .map(cursor -> connections.tailMap(cursor.token(), false))
                .orElse(connections);
        List<Connection> page = new ArrayList<>(request.size());
        String last = null;
        for (Connection connection : rest.values()) {
            if (page.size() == request.size()) {
                break;
            }
            page.add(connection);
            last = connection.id().value();
        }
        if (last == null || connections.higherKey(last) == null) {
            return ConnectionPage.last(page);
        }
        return ConnectionPage.of(page, PageCursor.of(last));
    }

    int size() {
        return connections.size();
    }
}
