package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastResult;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.BroadcastUseCase;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.in.SendMessageCommand;
import io.github.wschat.core.port.in.SendMessageUseCase;
import io.github.wschat.core.port.out.MessageBodyParser;

import java.util.Objects;

/**
 * Reads a {@code sendmessage} body with the {@link MessageBodyParser} and hands its text to the
 * broadcast, which judges its size; a body that cannot be read is answered by the same rejecter as
 * an empty or oversized message, so every bad input takes one path and gets one answer.
 */
public final class SendMessageService implements SendMessageUseCase {

    private final MessageBodyParser parser;
    private final BroadcastUseCase broadcast;
    private final RejectMessageUseCase rejecter;

    public SendMessageService(MessageBodyParser parser, BroadcastUseCase broadcast, RejectMessageUseCase rejecter) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
        this.rejecter = Objects.requireNonNull(rejecter, "rejecter");
    }

    @Override
    public BroadcastResult sendMessage(SendMessageCommand command) {
        SendMessageBody body = Objects.requireNonNull(parser.parse(command.body()), "the parser gave no result");
        if (body instanceof SendMessageBody.Malformed malformed) {
            DeliveryOutcome answer = rejecter.reject(new RejectMessageCommand(command.sender(), malformed.rejection()));
            return new BroadcastRejected(malformed.rejection(), answer);
        }
        return broadcast.broadcast(new BroadcastCommand(command.sender(), ((SendMessageBody.Message) body).text()));
    }
}
