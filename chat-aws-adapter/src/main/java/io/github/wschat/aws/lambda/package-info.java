/**
 * From Lambda to the use cases: {@link io.github.wschat.aws.lambda.WebSocketEventAdapter} maps API
 * Gateway WebSocket events ({@code APIGatewayV2WebSocketEvent}) to connect, disconnect, default and
 * broadcast, answers bad input, and turns every failure into a response instead of an exception.
 */
package io.github.wschat.aws.lambda;
