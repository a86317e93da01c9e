package io.github.wschat.benchmarks.server;

import io.github.wschat.aws.dynamodb.DynamoDbRoomMembership;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.Membership;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.UserRef;
import io.github.wschat.core.port.out.MembershipPage;
import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;
import io.github.wschat.core.port.out.RoomMembership;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The naive way to find a room's members, for the baseline of the rooms benchmark: the project's
 * {@link DynamoDbRoomMembership} (same table, same items) for everything but {@link #members}, which Scans the
 * whole memberships table with a {@code FilterExpression} on the room instead of Querying the room's partition.
 *
 * <p>What {@link #members} does, page by page as the fan-out asks: one Scan call, {@code ConsistentRead} as the
 * project's Query is, {@code FilterExpression} {@code #room = :room} and the same liveness filter on the TTL as
 * the project's ({@code attribute_not_exists(#ttl) OR #ttl > :now}); from the second page on
 * {@code ExclusiveStartKey} = the previous page's {@code LastEvaluatedKey} (carried in the cursor as
 * {@code <room> <connectionId>}); the last page is the one without a {@code LastEvaluatedKey}. A page may hold
 * none of the room's members and still be followed by more, which the port allows and the fan-out handles.
 *
 * <p>Why it is a fair baseline: it is the same port, so the publish around it is the project's to the letter (the
 * membership GetItem, the append, the ack, the bounded fan-out of {@code ChatServices}' defaults through the
 * same senders); only the read of the members differs. The Scan is given its best case: no {@code Limit}, so that
 * each call reads DynamoDB's maximum of 1 MB and the table is read in the fewest calls (a {@code Limit} of the
 * fan-out's page size, 500, would make a call per 500 items of the whole table); the filter runs in DynamoDB,
 * so only the room's members cross the wire. What it cannot avoid is what the benchmark shows: DynamoDB reads,
 * and bills, every item of the table, the other rooms' included, to return the room's.
 */
public final class ScanFilterRoomMembership implements RoomMembership {

    private static final String ROOM_NAME = "#room";
    private static final String TTL_NAME = "#ttl";
    private static final String ROOM_VALUE = ":room";
    private static final String NOW_VALUE = ":now";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbRoomMembership queried;
    private final Clock clock;

    /** Reads the members of {@code queried}'s table with a Scan; everything else is {@code queried}'s. */
    public ScanFilterRoomMembership(DynamoDbClient dynamoDb, DynamoDbRoomMembership queried, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.queried = Objects.requireNonNull(queried, "queried");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MembershipPage members(RoomName room, PageRequest request) {
        ScanRequest.Builder scan = ScanRequest.builder()
                .tableName(queried.tableName())
                .consistentRead(true)
                .filterExpression(ROOM_NAME + " = " + ROOM_VALUE + " AND (attribute_not_exists(" + TTL_NAME + ") OR "
                        + TTL_NAME + " > " + NOW_VALUE + ")")
                .expressionAttributeNames(Map.of(ROOM_NAME, DynamoDbRoomMembership.ROOM, TTL_NAME, queried.ttlAttributeName()))
                .expressionAttributeValues(Map.of(ROOM_VALUE, AttributeValue.fromS(room.value()),
                        NOW_VALUE, AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()))));
        request.cursor().ifPresent(cursor -> scan.exclusiveStartKey(startKey(cursor)));
        ScanResponse page = dynamoDb.scan(scan.build());
        List<Membership> memberships = new ArrayList<>(page.items().size());
        for (Map<String, AttributeValue> item : page.items()) {
            memberships.add(membership(item));
        }
        if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
            return MembershipPage.last(memberships);
        }
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return MembershipPage.of(memberships, PageCursor.of(last.get(DynamoDbRoomMembership.ROOM).s() + " "
                + last.get(DynamoDbRoomMembership.CONNECTION_ID).s()));
    }

    /** The {@code ExclusiveStartKey} a cursor of {@link #members} carries; names hold no space. */
    static Map<String, AttributeValue> startKey(PageCursor cursor) {
        String[] parts = cursor.token().split(" ", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a cursor of a Scan of memberships: " + cursor);
        }
        return Map.of(DynamoDbRoomMembership.ROOM, AttributeValue.fromS(parts[0]),
                DynamoDbRoomMembership.CONNECTION_ID, AttributeValue.fromS(parts[1]));
    }

    private static Membership membership(Map<String, AttributeValue> item) {
        return Membership.of(RoomName.of(item.get(DynamoDbRoomMembership.ROOM).s()),
                ConnectionId.of(item.get(DynamoDbRoomMembership.CONNECTION_ID).s()),
                UserRef.of(item.get(DynamoDbRoomMembership.USER_ID).s(), item.get(DynamoDbRoomMembership.USER_NAME).s()),
                Instant.ofEpochMilli(Long.parseLong(item.get(DynamoDbRoomMembership.JOINED_AT).n())));
    }

    @Override
    public boolean join(Membership membership) {
        return queried.join(membership);
    }

    @Override
    public Optional<Membership> leave(RoomName room, ConnectionId connection) {
        return queried.leave(room, connection);
    }

    @Override
    public boolean isMember(RoomName room, ConnectionId connection) {
        return queried.isMember(room, connection);
    }

    @Override
    public int connectionCount(RoomName room, String userId) {
        return queried.connectionCount(room, userId);
    }

    @Override
    public List<Membership> removeConnection(ConnectionId connection) {
        return queried.removeConnection(connection);
    }
}
