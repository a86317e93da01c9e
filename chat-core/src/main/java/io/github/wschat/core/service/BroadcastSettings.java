package io.github.wschat.core.service;

import io.github.wschat.core.domain.PayloadLimit;
import io.github.wschat.core.port.out.PageRequest;

import java.util.Objects;

/**
 * How a broadcast runs.
 *
 * @param maxConcurrency the most sends in flight at once per broadcast (and the most threads the
 *                       broadcast service runs blocking senders on, shared by the broadcasts that
 *                       run at once); the default suits a Lambda function of 1 to 2 vCPUs
 *                       whose sends mostly wait on the network
 * @param pageSize       how many connections are read from the store per page
 * @param payloadLimit   the largest message accepted
 */
public record BroadcastSettings(int maxConcurrency, int pageSize, PayloadLimit payloadLimit) {

    /** Default sends in flight. */
    public static final int DEFAULT_MAX_CONCURRENCY = 32;

    public BroadcastSettings {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, is " + maxConcurrency);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, is " + pageSize);
        }
        Objects.requireNonNull(payloadLimit, "payloadLimit");
    }

    /** 32 sends in flight, pages of 500, API Gateway's 128 KB limit. */
    public static BroadcastSettings defaults() {
        return new BroadcastSettings(DEFAULT_MAX_CONCURRENCY, PageRequest.DEFAULT_SIZE, PayloadLimit.API_GATEWAY);
    }

    public BroadcastSettings withMaxConcurrency(int value) {
        return new BroadcastSettings(value, pageSize, payloadLimit);
    }

    public BroadcastSettings withPageSize(int value) {
        return new BroadcastSettings(maxConcurrency, value, payloadLimit);
    }

    public BroadcastSettings withPayloadLimit(PayloadLimit value) {
        return new BroadcastSettings(maxConcurrency, pageSize, value);
    }
}
