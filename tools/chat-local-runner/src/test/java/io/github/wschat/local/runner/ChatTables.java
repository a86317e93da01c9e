package io.github.wschat.local.runner;

import io.github.wschat.aws.dynamodb.DynamoDbMessageLog;
import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.List;
import java.util.Map;

/** What the room tables hold, read as a test checks it: consistent Queries of one room, every page. */
final class ChatTables {

    private ChatTables() {
    }

    /** The connection ids of the room's membership items. */
    static List<String> membershipsOf(DynamoDbClient client, String membershipsTable, String room) {
        return client.queryPaginator(query -> query.tableName(membershipsTable).consistentRead(true)
                        .keyConditionExpression("#room = :room")
                        .expressionAttributeNames(Map.of("#room", DynamoDbRoomMembership.ROOM))
                        .expressionAttributeValues(Map.of(":room", AttributeValue.fromS(room))))
                .items().stream().map(item -> item.get(DynamoDbRoomMembership.CONNECTION_ID).s()).toList();
    }

    /** How many message items the room has: its items of seq 1 and above (seq 0 is its counter). */
    static long messageCount(DynamoDbClient client, String messagesTable, String room) {
        return client.queryPaginator(query -> query.tableName(messagesTable).consistentRead(true)
                        .select(Select.COUNT)
                        .keyConditionExpression("#room = :room AND #seq >= :first")
                        .expressionAttributeNames(Map.of("#room", DynamoDbMessageLog.ROOM, "#seq", DynamoDbMessageLog.SEQ))
                        .expressionAttributeValues(Map.of(":room", AttributeValue.fromS(room), ":first", AttributeValue.fromN("1"))))
                .stream().mapToLong(page -> page.count()).sum();
    }
}
