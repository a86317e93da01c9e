/**
 * AWS adapters of the chat's ports: {@link io.github.wschat.aws.dynamodb.DynamoDbConnectionStore}
 * (DynamoDB), {@link io.github.wschat.aws.apigateway.ApiGatewayMessageSender} (the API Gateway
 * Management API) and {@link io.github.wschat.aws.lambda.WebSocketEventAdapter}, from Lambda WebSocket
 * events to the use cases. AWS SDK v2 with the light url-connection HTTP client.
 */
package io.github.wschat.aws;
