package io.github.wschat.inmemory;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.MessageSender;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread-safe {@link MessageSender} in memory that records what each connection received, and the
 * {@link ConnectionInfoQuery} that answers with the infos {@link #registerInfo registered}.
 *
 * <p>Every connection is reachable unless told otherwise: {@link #markGone} makes sends answer
 * {@code GONE} (API Gateway's 410), {@link #markFailing} makes them fail with a reason, and
 * {@link #markSlow} makes them take a while, to exercise timeouts and concurrency. The most sends
 * ever in flight at once is kept, to check a fan-out's bound.
 *
 * <pre>{@code
 * InMemoryMessageSender sender = InMemoryMessageSender.create();
 * sender.markGone(ConnectionId.of("B2"));
 * // … run a broadcast …
 * assertThat(sender.receivedBy(ConnectionId.of("A1"))).containsExactly("hello, everyone!");
 * }</pre>
 */
public final class InMemoryMessageSender implements MessageSender, ConnectionInfoQuery {

    private final Map<ConnectionId, ConcurrentLinkedQueue<String>> received = new ConcurrentHashMap<>();
    private final Map<ConnectionId, ConnectionInfo> infos = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger deliveries = new AtomicInteger();

    private InMemoryMessageSender() {
    }

    /** A sender that reaches every connection. */
    public static InMemoryMessageSender create() {
        return new InMemoryMessageSender();
    }

    @Override
    public DeliveryOutcome send(ConnectionId recipient, MessagePayload payload) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(payload, "payload");
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Behaviour behaviour = behaviours.get(recipient);
            if (behaviour != null) {
                if (behaviour.gone) {
                    return DeliveryOutcome.gone();
                }
                if (behaviour.failure != null) {
                    return DeliveryOutcome.failed(behaviour.failure);
                }
                if (!pause(behaviour.delay)) {
                    return DeliveryOutcome.failed("interrupted while sending");
                }
            }
            received.computeIfAbsent(recipient, id -> new ConcurrentLinkedQueue<>()).add(payload.text());
            deliveries.incrementAndGet();
            return DeliveryOutcome.delivered();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The info registered with {@link #registerInfo}; empty for a gone or unregistered connection. */
    @Override
    public Optional<ConnectionInfo> connectionInfo(ConnectionId id) {
        Behaviour behaviour = behaviours.get(id);
        if (behaviour != null && behaviour.gone) {
            return Optional.empty();
        }
        return Optional.ofNullable(infos.get(id));
    }

    /** What {@link #connectionInfo} answers for {@code id}, as API Gateway's {@code GetConnection} would. */
    public InMemoryMessageSender registerInfo(ConnectionId id, ConnectionInfo info) {
        infos.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(info, "info"));
        return this;
    }

    /** Sends to {@code id} answer {@code GONE} from now on, as for a connection that closed without notice. */
    public InMemoryMessageSender markGone(ConnectionId id) {
        behaviours.put(id, new Behaviour(true, null, Duration.ZERO));
        return this;
    }

    /** Sends to {@code id} fail with {@code reason} from now on (throttled, forbidden, …). */
    public InMemoryMessageSender markFailing(ConnectionId id, String reason) {
        behaviours.put(id, new Behaviour(false, Objects.requireNonNull(reason, "reason"), Duration.ZERO));
        return this;
    }

    /** Sends to {@code id} take {@code delay} and then succeed, as for a slow client or network. */
    public InMemoryMessageSender markSlow(ConnectionId id, Duration delay) {
        behaviours.put(id, new Behaviour(false, null, Objects.requireNonNull(delay, "delay")));
        return this;
    }

    /** Makes {@code id} reachable again. */
    public InMemoryMessageSender markHealthy(ConnectionId id) {
        behaviours.remove(id);
        return this;
    }

    /** The texts {@code id} received, oldest first. */
    public List<String> receivedBy(ConnectionId id) {
        ConcurrentLinkedQueue<String> texts = received.get(id);
        return texts == null ? List.of() : List.copyOf(texts);
    }

    /** How many messages were delivered, to anyone. */
    public int deliveryCount() {
        return deliveries.get();
    }

    /** The most sends that were in flight at the same time since creation or {@link #reset()}. */
    public int maxConcurrentSends() {
        return maxInFlight.get();
    }

    /** Forgets what was received and the in-flight high-water mark; keeps registered infos and behaviours. */
    public void reset() {
        received.clear();
        deliveries.set(0);
        maxInFlight.set(inFlight.get());
    }

    private static boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Behaviour(boolean gone, String failure, Duration delay) {
    }
}
