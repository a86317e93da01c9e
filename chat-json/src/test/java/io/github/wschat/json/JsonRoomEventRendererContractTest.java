package io.github.wschat.json;

import io.github.wschat.core.contract.RoomEventRendererContract;
import io.github.wschat.core.port.out.RoomEventRenderer;

class JsonRoomEventRendererContractTest extends RoomEventRendererContract {

    @Override
    protected RoomEventRenderer createRenderer() {
        return new JsonRoomEventRenderer();
    }
}
