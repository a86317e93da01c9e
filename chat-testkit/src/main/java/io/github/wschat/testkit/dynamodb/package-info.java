/**
 * DynamoDB Local for tests, in memory: {@link io.github.wschat.testkit.dynamodb.EmbeddedDynamoDb} in this
 * JVM without HTTP, {@link io.github.wschat.testkit.dynamodb.DynamoDbLocalServer} over HTTP on 127.0.0.1
 * only, {@link io.github.wschat.testkit.dynamodb.DynamoDbLocalClients} for real SDK clients of any such
 * endpoint, and {@link io.github.wschat.testkit.dynamodb.DynamoDbTables} for tables laid out as the
 * project's connections table.
 */
package io.github.wschat.testkit.dynamodb;
