package io.github.wschat.benchmarks.server;

import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.Optional;

/**
 * The three tables of the rooms benchmark's server, named as the example reads them from its environment
 * ({@code TABLE_NAME}, {@code MEMBERSHIPS_TABLE_NAME}, {@code MESSAGES_TABLE_NAME}).
 *
 * @param connections the connections table
 * @param memberships the room memberships
 * @param messages    the room messages
 */
public record RoomTables(String connections, String memberships, String messages) {

    static final String TABLE_NAME = "TABLE_NAME";
    static final String MEMBERSHIPS_TABLE_NAME = "MEMBERSHIPS_TABLE_NAME";
    static final String MESSAGES_TABLE_NAME = "MESSAGES_TABLE_NAME";

    /** The tables of the rooms stage of {@code RunBenchmarks}. */
    public static RoomTables forBenchmark() {
        return new RoomTables("wschat-bench-rooms", "wschat-bench-memberships", "wschat-bench-messages");
    }

    /** The room tables this process's environment names, when it names them (the server of the rooms stage). */
    public static Optional<RoomTables> fromEnvironment() {
        String memberships = System.getenv(MEMBERSHIPS_TABLE_NAME);
        String messages = System.getenv(MESSAGES_TABLE_NAME);
        if (memberships == null || memberships.isBlank() || messages == null || messages.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new RoomTables(System.getenv(TABLE_NAME), memberships, messages));
    }

    /** The environment the example's handlers read these tables' names from. */
    public Map<String, String> environment() {
        return Map.of(TABLE_NAME, connections, MEMBERSHIPS_TABLE_NAME, memberships, MESSAGES_TABLE_NAME, messages);
    }

    /**
     * Creates the two room tables as {@code LocalChat} does: laid out by the adapters' own
     * {@code tableDefinition}, Time to Live on {@code ttl} (the connections table is the caller's).
     */
    public void createRoomTables(DynamoDbClient client) {
        DynamoDbTables.createTable(client, DynamoDbRoomMembership.tableDefinition(memberships),
                DynamoDbRoomMembership.DEFAULT_TTL_ATTRIBUTE_NAME);
        DynamoDbTables.createTable(client, DynamoDbMessageLog.tableDefinition(messages),
                DynamoDbMessageLog.DEFAULT_TTL_ATTRIBUTE_NAME);
    }
}
