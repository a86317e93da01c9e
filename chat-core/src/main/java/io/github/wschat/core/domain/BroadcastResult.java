package io.github.wschat.core.domain;

/**
 * The result of asking for a broadcast: either it ran ({@link BroadcastReport}) or the message was
 * refused before anything was sent ({@link BroadcastRejected}).
 */
public sealed interface BroadcastResult permits BroadcastReport, BroadcastRejected {
}
