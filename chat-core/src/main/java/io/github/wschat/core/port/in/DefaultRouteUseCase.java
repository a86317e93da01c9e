package io.github.wschat.core.port.in;

import io.github.wschat.core.domain.DeliveryOutcome;

/**
 * {@code $default}: answer the caller, as the tutorial does, with
 * {@code Use the sendmessage route to send a message. Your info:} followed by the JSON of its
 * connection info. When the info cannot be fetched the caller is still answered, with its id only.
 */
public interface DefaultRouteUseCase {

    /** The text every {@code $default} reply starts with, as in the tutorial. */
    String REPLY_PREFIX = "Use the sendmessage route to send a message. Your info:";

    /** @return what happened to the reply */
    DeliveryOutcome reply(DefaultRouteCommand command);
}
