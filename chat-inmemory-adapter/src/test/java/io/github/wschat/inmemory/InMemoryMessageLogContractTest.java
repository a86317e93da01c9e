package io.github.wschat.inmemory;

import io.github.wschat.core.contract.MessageLogContract;
import io.github.wschat.core.port.out.MessageLog;

import java.time.Clock;
import java.time.Duration;

class InMemoryMessageLogContractTest extends MessageLogContract {

    @Override
    protected MessageLog createEmptyLog(Clock clock, Duration retention) {
        return InMemoryMessageLog.builder().clock(clock).retention(retention).build();
    }
}
