package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.Connection;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.BroadcastUseCase;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.out.ConnectionPage;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends a message to every stored connection but the sender.
 *
 * <p>Connections are read one page at a time and sent to with at most
 * {@link BroadcastSettings#maxConcurrency()} sends in flight: a semaphore is taken before each send
 * and given back when it completes, so a million recipients never mean a million threads or pending
 * futures. Blocking senders run on this service's pool of at most that many threads, shared by the
 * broadcasts that run at once (threads start on demand and end after a second without work), so
 * that concurrent broadcasts in one process, as behind a local gateway or a container service,
 * never run more than {@code maxConcurrency} sends at a time: with a pool each, 50 broadcasts
 * would put 1,600 requests in flight on a few cores and hold every one of them for seconds, long
 * enough for an HTTP client's read timeout and retry. Non-blocking senders
 * ({@link MessageSender#sendAsync}) use their own I/O.
 *
 * <p>A gone recipient is removed from the store; a failing one is counted and never stops the others.
 * A sender that throws a {@link RuntimeException} or returns no stage fails that recipient only; an
 * {@link Error} it throws ends the broadcast, once the sends already in flight have completed. Made
 * by {@link ChatServices} with rooms, a gone recipient also leaves every room it was in, and the rooms'
 * other members are told; the rooms' fan-outs share this service's pool.
 */
public final class BroadcastService implements BroadcastUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastService.class);

    private final ConnectionStore store;
    private final RejectMessageUseCase rejecter;
    private final BroadcastSettings settings;
    private final FanOut fanOut;
    private final Supplier<GoneRecipients> goneRecipients;

    public BroadcastService(ConnectionStore store, MessageSender sender, RejectMessageUseCase rejecter,
                            BroadcastSettings settings) {
        this(store, rejecter, new FanOut(sender, settings), null);
    }

    /** On a fan-out shared with the rooms; {@code goneRecipients} null: a gone recipient is removed from the store only. */
    BroadcastService(ConnectionStore store, RejectMessageUseCase rejecter, FanOut fanOut,
                     Supplier<GoneRecipients> goneRecipients) {
        this.store = Objects.requireNonNull(store, "store");
        this.rejecter = Objects.requireNonNull(rejecter, "rejecter");
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.settings = fanOut.settings();
        this.goneRecipients = goneRecipients != null ? goneRecipients : () -> this.store::remove;
    }

    @Override
    public BroadcastResult broadcast(BroadcastCommand command) {
        Optional<MessageRejection> rejection = settings.payloadLimit().check(command.message());
        if (rejection.isPresent()) {
            DeliveryOutcome answer = rejecter.reject(new RejectMessageCommand(command.sender(), rejection.get()));
            return new BroadcastRejected(rejection.get(), answer);
        }
        GoneRecipients gone = goneRecipients.get();
        BroadcastReport report;
        try {
            report = fanOut.send(this::page, command.sender(), MessagePayload.of(command.message()), gone);
        } finally {
            gone.finish();
        }
        LOG.info("broadcast from {}: {} attempted, {} delivered, {} gone and removed, {} failed",
                command.sender(), report.attempted(), report.delivered(), report.goneRemoved(), report.failed());
        return report;
    }

    private FanOut.Batch page(PageRequest request) {
        ConnectionPage page = store.findPage(request);
        return new FanOut.Batch(page.connections().stream().map(Connection::id).toList(), page.next().orElse(null));
    }
}
