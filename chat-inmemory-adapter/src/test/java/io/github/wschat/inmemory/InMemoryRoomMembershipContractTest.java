package io.github.wschat.inmemory;

import io.github.wschat.core.contract.RoomMembershipContract;
import io.github.wschat.core.port.out.RoomMembership;

class InMemoryRoomMembershipContractTest extends RoomMembershipContract {

    @Override
    protected RoomMembership createEmptyMembership() {
        return InMemoryRoomMembership.create();
    }
}
