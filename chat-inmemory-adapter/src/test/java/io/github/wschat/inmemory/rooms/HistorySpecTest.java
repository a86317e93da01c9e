package io.github.wschat.inmemory.rooms;

import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomResult;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.port.in.RoomHistoryCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PROTOCOL §5: history pages after a seq, and a client that reconnects loses nothing. */
class HistorySpecTest {

    private static final RoomName LOBBY = RoomName.of("lobby");
    private static final UserIdentity ALICE = RoomsFixture.user("alice");
    private static final Pattern SEQS = Pattern.compile("history lobby \\[([0-9,]*)] lastSeq=(\\d+) more=(\\w+)");

    private final RoomsFixture fixture = new RoomsFixture();

    @Test
    void history_answers_the_messages_after_a_seq_in_pages_saying_whether_more_follow() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        fixture.send(alice, "join lobby");
        IntStream.rangeClosed(1, 250).forEach(i -> fixture.send(alice, "publish lobby m" + i + " text" + i));
        fixture.forgetReceived();

        fixture.send(alice, "history lobby ref=h1");
        fixture.send(alice, "history lobby 200 ref=h2");
        fixture.send(alice, "history lobby 10 3");
        fixture.send(alice, "history lobby 250");

        List<String> answers = fixture.received(alice);
        assertThat(answers.get(0)).startsWith("history lobby [1,2,3,").endsWith(",100] lastSeq=250 more=true truncated=false ref=h1");
        assertThat(answers.get(1)).isEqualTo("history lobby [" + String.join(",",
                IntStream.rangeClosed(201, 250).mapToObj(String::valueOf).toList()) + "] lastSeq=250 more=false truncated=false ref=h2");
        assertThat(answers.get(2)).isEqualTo("history lobby [11,12,13] lastSeq=250 more=true truncated=false");
        assertThat(answers.get(3)).isEqualTo("history lobby [] lastSeq=250 more=false truncated=false");
    }

    @Test
    void a_history_reaching_back_past_the_retention_answers_what_is_left_and_truncated() {
        ConnectionId alice = fixture.connect("alice", ALICE);
        fixture.send(alice, "join lobby");
        fixture.send(alice, "publish lobby old1 x");
        fixture.send(alice, "publish lobby old2 x");
        fixture.clock.advance(Duration.ofDays(2));
        fixture.send(alice, "publish lobby new3 x");
        fixture.clock.advance(RoomsFixture.RETENTION.minus(Duration.ofDays(1)));
        fixture.forgetReceived();

        fixture.send(alice, "history lobby 0");
        fixture.send(alice, "history lobby 2");

        assertThat(fixture.received(alice)).containsExactly("history lobby [3] lastSeq=3 more=false truncated=true",
                "history lobby [3] lastSeq=3 more=false truncated=false");
    }

    @Test
    void a_history_command_keeps_after_and_limit_in_range() {
        ConnectionId alice = fixture.connect("alice", ALICE);

        assertThatThrownBy(() -> new RoomHistoryCommand(alice, ALICE, LOBBY, -1, 10, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomHistoryCommand(alice, ALICE, LOBBY, 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomHistoryCommand(alice, ALICE, LOBBY, 0, 101, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_client_that_drops_and_reconnects_pages_the_history_from_its_last_seq_and_holds_every_message_once() {
        ConnectionId publisher = fixture.connect("publisher", RoomsFixture.user("publisher"));
        fixture.send(publisher, "join lobby");
        ConnectionId first = fixture.connect("reader-1", ALICE);
        fixture.send(first, "join lobby");
        IntStream.rangeClosed(1, 40).forEach(i -> fixture.send(publisher, "publish lobby a" + i + " x"));
        TreeSet<Long> seen = new TreeSet<>(seqsOfMessages(fixture.received(first)));
        fixture.sender.markGone(first); // dropped without $disconnect

        IntStream.rangeClosed(41, 290).forEach(i -> fixture.send(publisher, "publish lobby b" + i + " x"));
        ConnectionId second = fixture.connect("reader-2", ALICE);
        RoomResult joined = fixture.send(second, "join lobby");
        long after = seen.last();
        while (true) {
            fixture.forgetReceived();
            fixture.send(second, "history lobby " + after);
            Matcher page = SEQS.matcher(fixture.received(second).get(0));
            assertThat(page.lookingAt()).isTrue();
            List<Long> seqs = page.group(1).isEmpty() ? List.of()
                    : List.of(page.group(1).split(",")).stream().map(Long::valueOf).toList();
            seen.addAll(seqs);
            after = seqs.isEmpty() ? after : seqs.get(seqs.size() - 1);
            if (page.group(3).equals("false")) {
                break;
            }
        }

        assertThat(joined).isInstanceOf(RoomResult.Done.class);
        assertThat(seen).containsExactlyElementsOf(IntStream.rangeClosed(1, 290).mapToObj(i -> (long) i).toList());
        assertThat(fixture.membership.isMember(LOBBY, first)).as("the drop was cleaned on the first 410").isFalse();
    }

    private static List<Long> seqsOfMessages(List<String> received) {
        List<Long> seqs = new ArrayList<>();
        for (String text : received) {
            if (text.startsWith("message lobby seq=")) {
                seqs.add(Long.valueOf(text.substring("message lobby seq=".length(), text.indexOf(' ', "message lobby seq=".length()))));
            }
        }
        return seqs;
    }
}
