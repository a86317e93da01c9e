/**
 * AWS adapters of the chat's ports, and their wiring: {@link io.github.wschat.aws.dynamodb.DynamoDbConnectionStore}
 * (DynamoDB), {@link io.github.wschat.aws.apigateway.ApiGatewayMessageSender} (the API Gateway
 * Management API), {@link io.github.wschat.aws.lambda.WebSocketEventAdapter}, from Lambda WebSocket
 * events to the use cases, and {@link io.github.wschat.aws.ApiGatewayChat}, the one place that
 * makes the core's services on them and the adapter on those. AWS SDK v2 with the light
 * url-connection HTTP client.
 */
package io.github.wschat.aws;
