package io.github.wschat.aws.dynamodb;

import io.github.wschat.core.contract.MessageLogContract;
import io.github.wschat.core.port.out.MessageLog;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;

/**
 * The {@link MessageLog} contract, against DynamoDB Local embedded in this JVM, one table per test. Expired
 * messages are read and skipped by the log's clock, as on DynamoDB before its TTL sweep.
 */
class DynamoDbMessageLogContractTest extends MessageLogContract {

    @RegisterExtension
    static final LocalTables TABLES = LocalTables.embedded();

    @Override
    protected MessageLog createEmptyLog(Clock clock, Duration retention) {
        return DynamoDbMessageLog.builder().dynamoDbClient(TABLES.client())
                .tableName(TABLES.create(DynamoDbMessageLog::tableDefinition)).clock(clock).retention(retention).build();
    }
}
