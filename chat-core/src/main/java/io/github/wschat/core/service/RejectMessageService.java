package io.github.wschat.core.service;

import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** Sends the author of a refused message the rendered reason. */
public final class RejectMessageService implements RejectMessageUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RejectMessageService.class);

    private final MessageSender sender;
    private final ReplyRenderer renderer;

    public RejectMessageService(MessageSender sender, ReplyRenderer renderer) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public DeliveryOutcome reject(RejectMessageCommand command) {
        LOG.info("refused a message from {}: {}", command.sender(), command.rejection().reason());
        DeliveryOutcome outcome = Deliveries.sendIsolated(sender, command.sender(),
                MessagePayload.of(renderer.rejection(command.rejection())));
        if (!outcome.isDelivered()) {
            LOG.warn("could not tell {} why its message was refused: {} {}", command.sender(), outcome.status(), outcome.reason());
        }
        return outcome;
    }
}
