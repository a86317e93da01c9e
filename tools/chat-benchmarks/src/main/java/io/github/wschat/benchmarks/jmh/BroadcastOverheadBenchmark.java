package io.github.wschat.benchmarks.jmh;

import io.github.wschat.core.domain.ClientIdentity;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.service.ChatServices;
import io.github.wschat.inmemory.InMemoryConnectionStore;
import io.github.wschat.inmemory.InMemoryMessageSender;
import io.github.wschat.json.JsonReplyRenderer;
import io.github.wschat.json.SendMessageBodyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The broadcast service's own cost, with nothing slow behind it: {@code recipients} connections in an
 * {@link InMemoryConnectionStore}, sent to through an {@link InMemoryMessageSender}. Per broadcast, in µs:
 * <ul>
 *   <li>{@link #broadcastService}: the use case as the Lambda runs it (pages, a semaphore of 32, a pool of
 *       up to 32 threads started for the broadcast and stopped after, the report);</li>
 *   <li>{@link #plainLoop}: the same pages and sends in a plain loop on the caller's thread, the floor.</li>
 * </ul>
 * The difference is what bounding the concurrency costs per broadcast; against the end-to-end numbers it
 * tells whether the core is a bottleneck.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BroadcastOverheadBenchmark {

    @Param({"1000"})
    public int recipients;

    private final ConnectionId sender = ConnectionId.of("sender");
    private InMemoryConnectionStore store;
    private InMemoryMessageSender messages;
    private ChatServices chat;

    @Setup(Level.Trial)
    public void connect() {
        store = InMemoryConnectionStore.create();
        messages = InMemoryMessageSender.create();
        chat = ChatServices.builder().connectionStore(store).messageSender(messages).connectionInfoQuery(messages)
                .replyRenderer(new JsonReplyRenderer()).messageBodyParser(new SendMessageBodyParser()).build();
        store.save(Connection.of(sender, Instant.now(), ClientIdentity.UNKNOWN));
        for (int i = 0; i < recipients; i++) {
            store.save(Connection.of(ConnectionId.of("recipient" + i), Instant.now(), ClientIdentity.UNKNOWN));
        }
    }

    /** The in-memory sender keeps what it delivered: forget it between iterations. */
    @Setup(Level.Iteration)
    public void forget() {
        messages.reset();
    }

    @Benchmark
    public Object broadcastService() {
        return chat.broadcast().broadcast(new BroadcastCommand(sender, "hello, everyone!"));
    }

    @Benchmark
    public int plainLoop() {
        MessagePayload payload = MessagePayload.of("hello, everyone!");
        int delivered = 0;
        PageRequest request = PageRequest.first(500);
        while (true) {
            ConnectionPage page = store.findPage(request);
            for (Connection connection : page.connections()) {
                if (!connection.id().equals(sender) && messages.send(connection.id(), payload).isDelivered()) {
                    delivered++;
                }
            }
            if (page.next().isEmpty()) {
                return delivered;
            }
            request = request.after(page.next().get());
        }
    }
}
