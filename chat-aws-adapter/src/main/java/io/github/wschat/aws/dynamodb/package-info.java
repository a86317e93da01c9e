/**
 * The DynamoDB adapter of the chat's {@link io.github.wschat.core.port.out.ConnectionStore}:
 * {@link io.github.wschat.aws.dynamodb.DynamoDbConnectionStore}, one item per connection in a table
 * keyed by {@code connectionId} (the API Gateway WebSocket chat tutorial's table), with a TTL
 * attribute so that connections whose {@code $disconnect} never came expire. Reads page through
 * Scan's {@code LastEvaluatedKey}, so a table of any size is read whole, one page per call. The rooms'
 * ports too: {@link io.github.wschat.aws.dynamodb.DynamoDbRoomMembership} (a room a partition, the rooms of
 * a connection a global index) and {@link io.github.wschat.aws.dynamodb.DynamoDbMessageLog} (a counter per
 * room, messages by seq, idempotency records), each with its table's definition.
 */
package io.github.wschat.aws.dynamodb;
