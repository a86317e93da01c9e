package io.github.wschat.core.service;

import io.github.wschat.core.domain.BroadcastRejected;
import io.github.wschat.core.domain.BroadcastReport;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.DeliveryOutcome;
import io.github.wschat.core.domain.MessageRejection;
import io.github.wschat.core.domain.SendMessageBody;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.BroadcastCommand;
import io.github.wschat.core.port.in.BroadcastUseCase;
import io.github.wschat.core.port.in.RejectMessageCommand;
import io.github.wschat.core.port.in.RejectMessageUseCase;
import io.github.wschat.core.port.in.SendMessageCommand;
import io.github.wschat.core.port.out.MessageBodyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/** A {@code sendmessage} body is read once, and either broadcast or answered: interactions with the ports. */
@ExtendWith(MockitoExtension.class)
class SendMessageServiceTest {

    private static final ConnectionId SENDER = ConnectionId.of("Bq3xkcNyoAMCJpQ=");
    private static final UserIdentity ALICE = UserIdentity.of("user-1", "Alice", List.of("private-team-*"));

    @Mock
    private MessageBodyParser parser;
    @Mock
    private BroadcastUseCase broadcast;
    @Mock
    private RejectMessageUseCase rejecter;

    @Test
    void given_a_body_that_cannot_be_read_when_sent_then_the_sender_is_answered_and_nothing_is_broadcast() {
        MessageRejection notJson = MessageRejection.malformed("body is not valid JSON");
        given(parser.parse("hi?")).willReturn(new SendMessageBody.Malformed(notJson));
        given(rejecter.reject(new RejectMessageCommand(SENDER, notJson))).willReturn(DeliveryOutcome.delivered());

        var result = service().sendMessage(new SendMessageCommand(SENDER, ALICE, "hi?"));

        assertThat(result).isEqualTo(new BroadcastRejected(notJson, DeliveryOutcome.delivered()));
        then(broadcast).shouldHaveNoInteractions();
    }

    @Test
    void given_a_readable_body_when_sent_then_its_text_is_broadcast_and_judged_there() {
        BroadcastReport report = new BroadcastReport(1, 1, 0, 0, List.of());
        given(parser.parse(any())).willReturn(new SendMessageBody.Message("hello, everyone!"));
        given(broadcast.broadcast(new BroadcastCommand(SENDER, "hello, everyone!"))).willReturn(report);

        var result = service().sendMessage(new SendMessageCommand(SENDER, ALICE, "{\"message\":\"hello, everyone!\"}"));

        assertThat(result).isSameAs(report);
        then(rejecter).shouldHaveNoInteractions();
    }

    @Test
    void given_no_body_when_sent_then_the_parser_reads_an_empty_text() {
        given(parser.parse("")).willReturn(new SendMessageBody.Malformed(MessageRejection.malformed("body is empty")));
        given(rejecter.reject(any())).willReturn(DeliveryOutcome.gone());

        var result = service().sendMessage(new SendMessageCommand(SENDER, ALICE, null));

        assertThat(result).isInstanceOf(BroadcastRejected.class);
    }

    @Test
    void a_send_message_command_carries_the_speaking_user_and_needs_one() {
        assertThat(new SendMessageCommand(SENDER, ALICE, "{}").user()).isEqualTo(ALICE);
        assertThatThrownBy(() -> new SendMessageCommand(SENDER, null, "{}"))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
    }

    private SendMessageService service() {
        return new SendMessageService(parser, broadcast, rejecter);
    }
}
