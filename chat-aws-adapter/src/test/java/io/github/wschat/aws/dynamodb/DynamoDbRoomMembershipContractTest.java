package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.contract.RoomMembershipContract;
import io.github.wschat.core.port.out.RoomMembership;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.ZoneOffset;

/** The {@link RoomMembership} contract, against DynamoDB Local embedded in this JVM, one table per test. */
class DynamoDbRoomMembershipContractTest extends RoomMembershipContract {

    @RegisterExtension
    static final LocalTables TABLES = LocalTables.embedded();

    /** The contract's memberships join at {@link #JOINED_AT}; the membership's now is then too, so none has expired. */
    private static final Clock CONTRACT_CLOCK = Clock.fixed(JOINED_AT, ZoneOffset.UTC);

    @Override
    protected RoomMembership createEmptyMembership() {
        return DynamoDbRoomMembership.builder().dynamoDbClient(TABLES.client())
                .tableName(TABLES.create(DynamoDbRoomMembership::tableDefinition)).clock(CONTRACT_CLOCK).build();
    }
}
