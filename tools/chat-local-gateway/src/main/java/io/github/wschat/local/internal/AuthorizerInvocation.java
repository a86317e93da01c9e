package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;

/**
 * How one authorizer invocation ended.
 *
 * @param response      the authorizer's answer, {@code null} if it failed or returned nothing
 * @param failure       what the authorizer threw, or the timeout, {@code null} if it returned
 * @param timedOut      whether it ran past the timeout
 * @param latencyMillis how long it ran
 */
record AuthorizerInvocation(IamPolicyResponseV1 response, Throwable failure, boolean timedOut, long latencyMillis) {
}
