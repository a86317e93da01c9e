package io.github.wschat.benchmarks.server;

import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.testkit.dynamodb.DynamoDbLocalServer;
import io.github.wschat.testkit.dynamodb.DynamoDbTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The interceptor counts the memberships table's Query and Scan calls, items and capacity, and nothing else. */
class MembershipReadsTest {

    @Test
    void given_queries_and_scans_when_taken_then_pages_items_and_capacity_of_the_memberships_table_only()
            throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            DynamoDbClient dynamoDb = server.newClient(new MembershipReads("memberships"));
            DynamoDbTables.createTable(dynamoDb, DynamoDbRoomMembership.tableDefinition("memberships"), null);
            DynamoDbTables.createTable(dynamoDb, DynamoDbRoomMembership.tableDefinition("elsewhere"), null);
            List<String> ids = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();
            DynamoDbTables.batchWrite(dynamoDb, "memberships", RoomItems.memberships("a", ids.subList(0, 4)));
            DynamoDbTables.batchWrite(dynamoDb, "memberships", RoomItems.memberships("b", ids.subList(4, 10)));
            DynamoDbTables.batchWrite(dynamoDb, "elsewhere", RoomItems.memberships("a", ids));
            MembershipReads.take();

            dynamoDb.query(query -> query.tableName("memberships").keyConditionExpression("room = :r")
                    .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("a"))));
            dynamoDb.scan(scan -> scan.tableName("memberships").filterExpression("room = :r")
                    .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("a"))));
            dynamoDb.scan(scan -> scan.tableName("elsewhere"));
            MembershipReads.Count count = MembershipReads.take();

            assertThat(count.queries()).isEqualTo(1);
            assertThat(count.scans()).isEqualTo(1);
            assertThat(count.pages()).isEqualTo(2);
            assertThat(count.scanned()).as("4 queried, 10 scanned").isEqualTo(14);
            assertThat(count.returned()).isEqualTo(8);
            assertThat(count.capacity()).isPositive();
            assertThat(MembershipReads.take()).isEqualTo(new MembershipReads.Count(0, 0, 0, 0, -1));
        }
    }

    @Test
    void given_a_count_when_written_in_a_done_note_then_it_reads_back() {
        MembershipReads.Count count = new MembershipReads.Count(3, 0, 1_000, 1_000, 31.5);
        String[] note = ("benchdone publish 200 1234 5678 " + count.note()).split(" ");

        assertThat(MembershipReads.Count.parse(note, 5)).isEqualTo(count);
    }

    @Test
    void given_a_directory_when_the_registration_is_written_then_the_sdk_finds_the_interceptor_there() throws Exception {
        Path directory = Files.createTempDirectory("interceptors");

        MembershipReads.writeRegistration(directory);

        assertThat(directory.resolve("software/amazon/awssdk/global/handlers/execution.interceptors"))
                .hasContent(MembershipReads.class.getName());
    }
}
