/**
 * The API Gateway Management API adapter of the chat's
 * {@link io.github.wschat.core.port.out.MessageSender}:
 * {@link io.github.wschat.aws.apigateway.ApiGatewayMessageSender} posts to, asks about and closes
 * WebSocket connections through the {@code @connections} API of one API stage, and
 * {@link io.github.wschat.aws.apigateway.ApiGatewayMessageSenders} keeps one sender (one SDK client)
 * per management endpoint for the life of a Lambda execution environment.
 *
 * <p>Per-recipient problems (gone, too large, forbidden, throttled, I/O) are
 * {@link io.github.wschat.core.domain.DeliveryOutcome}s; throttling and server errors are retried by
 * the AWS SDK's standard retry strategy before they become one. No SDK type leaves this package
 * through the port.
 */
package io.github.wschat.aws.apigateway;
