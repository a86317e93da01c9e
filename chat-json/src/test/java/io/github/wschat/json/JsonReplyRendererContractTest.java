package io.github.wschat.json;

import io.github.wschat.core.contract.ReplyRendererContract;
import io.github.wschat.core.port.out.ReplyRenderer;

class JsonReplyRendererContractTest extends ReplyRendererContract {

    @Override
    protected ReplyRenderer createRenderer() {
        return new JsonReplyRenderer();
    }
}
