package io.github.wschat.local.runner;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.local.log.AccessLogEntry;
import io.github.wschat.testkit.websocket.WebSocketMessage;
import io.github.wschat.testkit.websocket.WebSocketTestClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the running chat that speaks PROTOCOL §3–5 for the end-to-end room tests: commands written as
 * a client author would, frames read as JSON objects, and a wait for each handler to return (its access log
 * entry), so that a test knows when a command's fan-out is over before it asserts what others did not get.
 */
final class RoomClient implements AutoCloseable {

    private final WebSocketTestClient socket;
    private final String connectionId;

    private RoomClient(WebSocketTestClient socket) {
        this.socket = socket;
        this.connectionId = RunningChat.connectionId(socket);
    }

    /** A new connection of the running chat (one at a time, as {@link RunningChat#connect()} requires). */
    static RoomClient connect() throws Exception {
        return new RoomClient(RunningChat.connect());
    }

    /**
     * Connects {@code count} clients one after the other and joins each to {@code room}, adding each to
     * {@code into} as it connects (so that the caller closes them all, even when one fails), then reads at
     * each the presence of those that joined after it: they start with nothing pending.
     */
    static void joinAll(String room, int count, List<RoomClient> into) throws Exception {
        int first = into.size();
        for (int i = 0; i < count; i++) {
            RoomClient client = connect();
            into.add(client);
            assertThat(client.join(room)).as("the last seq of the new room " + room).isZero();
        }
        for (int i = 0; i < count; i++) {
            assertThat(into.get(first + i).next(count - 1 - i)).as("what member %d of %s was told", i, room)
                    .allSatisfy(frame -> assertThat(frame).containsEntry("type", "presence")
                            .containsEntry("room", room).containsEntry("event", "join"));
        }
    }

    String connectionId() {
        return connectionId;
    }

    /** Joins {@code room}, asserts the {@code joined} answer and waits for the handler; returns the room's last seq. */
    long join(String room) throws Exception {
        send(Map.of("action", "join", "room", room));
        Map<String, Object> joined = next();
        assertThat(joined).as("the answer to joining " + room).containsEntry("type", "joined").containsEntry("room", room);
        awaitHandled("join");
        return ((Number) joined.get("lastSeq")).longValue();
    }

    /** Sends a command given as a map, written as JSON. */
    void send(Map<String, ?> command) throws IOException, InterruptedException {
        socket.send(JSON.std.asString(command));
    }

    /** Sends a frame as it is, good or bad. */
    void sendRaw(String frame) throws IOException, InterruptedException {
        socket.send(frame);
    }

    /** Sends one message in several frames, as a client must past API Gateway's 32 KB frame limit. */
    void sendInFrames(List<String> frames) throws IOException, InterruptedException {
        socket.sendInFrames(frames);
    }

    /** Sends a publish without waiting for anything. */
    void publish(String room, String id, String text) throws IOException, InterruptedException {
        send(Map.of("action", "publish", "room", room, "id", id, "text", text));
    }

    /** The next frame, as a JSON object, waiting up to {@link RunningChat#TIMEOUT}. */
    Map<String, Object> next() throws Exception {
        return JSON.std.mapFrom(socket.next());
    }

    /** The next frame as it came. */
    String nextRaw() throws InterruptedException {
        return socket.next();
    }

    /** The next {@code count} frames, as JSON objects. */
    List<Map<String, Object>> next(int count) throws Exception {
        List<Map<String, Object>> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(next());
        }
        return frames;
    }

    /**
     * The frames that came within {@code wait} after everything sent to this client was already sent: call it
     * once the handlers that could write to it have returned (see {@link #awaitHandled}).
     */
    List<String> arrivedWithin(Duration wait) throws InterruptedException {
        List<String> frames = new ArrayList<>();
        socket.poll(wait).ifPresent(first -> frames.add(text(first)));
        socket.pending().forEach(more -> frames.add(text(more)));
        return frames;
    }

    /**
     * Waits until the handler of this client's next command has returned (for a publish: once every post of
     * its fan-out is answered); that command must be of {@code route}.
     */
    AccessLogEntry awaitHandled(String route) throws InterruptedException {
        return RunningChat.awaitHandled(socket, route);
    }

    /** Waits until the handlers of this client's next {@code count} commands, all of {@code route}, have returned. */
    void awaitHandled(String route, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            awaitHandled(route);
        }
    }

    private static String text(WebSocketMessage message) {
        assertThat(message).isInstanceOf(WebSocketMessage.Text.class);
        return ((WebSocketMessage.Text) message).text();
    }

    @Override
    public void close() {
        socket.close();
    }
}
