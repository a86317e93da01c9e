package io.github.wschat.core.service;

import io.github.wschat.core.port.out.ConnectionInfoQuery;
import io.github.wschat.core.port.out.ConnectionStore;
import io.github.wschat.core.port.out.MessageBodyParser;
import io.github.wschat.core.port.out.MessageLog;
import io.github.wschat.core.port.out.MessageSender;
import io.github.wschat.core.port.out.ReplyRenderer;
import io.github.wschat.core.port.out.RoomEventRenderer;
import io.github.wschat.core.port.out.RoomMembership;
import io.github.wschat.core.port.out.RoomRequestParser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** Test doubles of every port {@link ChatServices} takes, for tests of what the wiring does with them. */
@ExtendWith(MockitoExtension.class)
abstract class ChatPortMocks {

    @Mock
    ConnectionStore store;
    @Mock
    MessageSender sender;
    @Mock
    ConnectionInfoQuery infoQuery;
    @Mock
    ReplyRenderer renderer;
    @Mock
    MessageBodyParser parser;
    @Mock
    RoomMembership membership;
    @Mock
    MessageLog log;
    @Mock
    RoomRequestParser roomParser;
    @Mock
    RoomEventRenderer roomRenderer;
}
