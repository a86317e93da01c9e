package io.github.wschat.benchmarks.fanout;

import java.util.List;

/**
 * Connect and disconnect at one number of stored connections.
 *
 * @param stored            connections in the table (besides the one control client)
 * @param handshakeMicros   per new client: its WebSocket handshake, {@code $connect} included, seen by the client
 * @param connectMicros     per {@code $connect} invocation: this project's {@code ConnectHandler}, timed in the server
 * @param disconnectMicros  per {@code $disconnect} invocation: this project's {@code DisconnectHandler}, timed in the server
 */
public record ScalingPoint(int stored, List<Long> handshakeMicros, List<Long> connectMicros, List<Long> disconnectMicros) {

    public ScalingPoint {
        handshakeMicros = List.copyOf(handshakeMicros);
        connectMicros = List.copyOf(connectMicros);
        disconnectMicros = List.copyOf(disconnectMicros);
    }
}
