/**
 * From Lambda to the use cases: {@link io.github.wschat.aws.lambda.WebSocketEventAdapter} maps API
 * Gateway WebSocket events ({@code APIGatewayV2WebSocketEvent}) to connect, disconnect, default and
 * send-message, answers the bad requests it finds itself, and turns every failure into a response
 * instead of an exception. It sees the core's incoming ports only, through
 * {@link io.github.wschat.aws.lambda.ChatUseCases}, and never its services (an ArchUnit rule of this
 * module); {@code io.github.wschat.aws.ApiGatewayChat} wires them.
 */
package io.github.wschat.aws.lambda;
