package io.github.wschat.core.service;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.ConnectionInfo;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessagePayload;
import io.github.wschat.core.port.in.DefaultRouteCommand;
import io.github.wschat.core.port.in.DefaultRouteUseCase;
import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * Answers {@code $default} as the tutorial does, but never fails on missing info: when
 * {@code GetConnection} fails or finds nothing, or the info found cannot be rendered, the caller
 * still gets the text with its id.
 */
public final class DefaultRouteService implements DefaultRouteUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRouteService.class);

    private final ConnectionInfoQuery query;
    private final MessageSender sender;
    private final ReplyRenderer renderer;

    public DefaultRouteService(ConnectionInfoQuery query, MessageSender sender, ReplyRenderer renderer) {
        this.query = Objects.requireNonNull(query, "query");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public DeliveryOutcome reply(DefaultRouteCommand command) {
        ConnectionId caller = command.caller();
        String info = lookUp(caller)
                .flatMap(found -> render(caller, found))
                .orElseGet(() -> renderer.unknownConnectionInfo(caller));
        return Deliveries.sendIsolated(sender, caller, MessagePayload.of(REPLY_PREFIX + info));
    }

    private Optional<String> render(ConnectionId caller, ConnectionInfo found) {
        try {
            String rendered = renderer.connectionInfo(caller, found);
            if (rendered == null) {
                LOG.warn("the renderer gave no text for the info of {}, answering with its id only", caller);
            }
            return Optional.ofNullable(rendered);
        } catch (RuntimeException e) {
            LOG.warn("could not render the info of {}, answering with its id only", caller, e);
            return Optional.empty();
        }
    }

    private Optional<ConnectionInfo> lookUp(ConnectionId caller) {
        try {
            return Objects.requireNonNullElse(query.connectionInfo(caller), Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("could not fetch the info of {}, answering with its id only", caller, e);
            return Optional.empty();
        }
    }
}
