package io.github.wschat.local.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The live connections by id, from their {@code $connect} request to their end. Ids are unique among them. */
final class ConnectionRegistry {

    private final ConcurrentMap<String, LocalConnection> connections = new ConcurrentHashMap<>();

    /** A new connection under a fresh id no live connection has. */
    LocalConnection create(AwsIds ids, Function<String, LocalConnection> factory) {
        while (true) {
            LocalConnection connection = factory.apply(ids.newId());
            if (connections.putIfAbsent(connection.id(), connection) == null) {
                return connection;
            }
        }
    }

    Optional<LocalConnection> find(String id) {
        return Optional.ofNullable(connections.get(id));
    }

    void remove(LocalConnection connection) {
        connections.remove(connection.id(), connection);
    }

    List<LocalConnection> all() {
        return List.copyOf(connections.values());
    }

    /** The ids the {@code @connections} API can reach now. */
    Set<String> reachableIds() {
        Collection<LocalConnection> live = connections.values();
        return live.stream().filter(LocalConnection::isReachable).map(LocalConnection::id)
                .collect(Collectors.toUnmodifiableSet());
    }
}
