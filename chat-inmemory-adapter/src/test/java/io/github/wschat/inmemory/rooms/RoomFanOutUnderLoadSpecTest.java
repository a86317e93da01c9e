package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.service.BroadcastSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms' fan-outs share the broadcast's bounded pool: room publishes and a broadcast at once never
 * send to more than {@code maxConcurrency} recipients at a time between them.
 */
class RoomFanOutUnderLoadSpecTest {

    private static final int MAX_CONCURRENCY = 6;

    private final RoomsFixture fixture = new RoomsFixture(builder -> builder
            .broadcastSettings(BroadcastSettings.defaults().withMaxConcurrency(MAX_CONCURRENCY).withPageSize(25)));

    @Test
    void given_publishes_to_two_rooms_and_a_broadcast_at_once_then_at_most_max_concurrency_sends_are_in_flight()
            throws Exception {
        List<ConnectionId> publishers = new ArrayList<>();
        for (String room : List.of("red", "blue")) {
            ConnectionId publisher = fixture.connect(room + "-publisher");
            fixture.send(publisher, "join " + room);
            publishers.add(publisher);
            for (int i = 0; i < 60; i++) {
                ConnectionId member = fixture.connect(room + "-" + i);
                fixture.send(member, "join " + room);
                fixture.sender.markSlow(member, Duration.ofMillis(2));
            }
        }
        fixture.forgetReceived();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Object>> calls = List.of(
                    () -> fixture.send(publishers.get(0), "publish red m1 hi"),
                    () -> fixture.send(publishers.get(1), "publish blue m1 hi"),
                    () -> fixture.chat.broadcast().broadcast(new BroadcastCommand(publishers.get(0), "hello all")));
            List<Future<Object>> results = new ArrayList<>();
            for (Callable<Object> call : calls) {
                results.add(callers.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();

            assertThat(((RoomResult.Published) results.get(0).get(60, TimeUnit.SECONDS)).delivery().delivered()).isEqualTo(60);
            assertThat(((RoomResult.Published) results.get(1).get(60, TimeUnit.SECONDS)).delivery().delivered()).isEqualTo(60);
            assertThat(((BroadcastReport) results.get(2).get(60, TimeUnit.SECONDS)).delivered()).isEqualTo(121);
            // the pool's sends, plus the two acks each publisher's thread sends itself before its fan-out
            assertThat(fixture.sender.maxConcurrentSends()).isLessThanOrEqualTo(MAX_CONCURRENCY + 2);
        } finally {
            callers.shutdownNow();
        }
    }
}
