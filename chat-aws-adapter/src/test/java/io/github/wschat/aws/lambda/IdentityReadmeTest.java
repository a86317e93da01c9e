package io.github.wschat.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.github.wschat.aws.auth.AuthorizerContext;
import io.github.wschat.core.domain.ConnectionId;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.core.testing.ReadmeSnippets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.wschat.aws.lambda.LambdaEvents.authorized;
import static io.github.wschat.aws.lambda.LambdaEvents.sendMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Identity in your handlers" snippet compiles, reads the user as the adapter does, and is the README's text. */
class IdentityReadmeTest {

    @Test
    void the_readme_snippet_reads_the_user_of_an_authorized_event_and_the_anonymous_one_otherwise() {
        APIGatewayV2WebSocketEvent authorized = authorized("message-sendmessage.json", "Bq3xkcNyoAMCJpQ=",
                "{\"principalId\":\"user-1\",\"userId\":\"user-1\",\"name\":\"Alice\",\"rooms\":\"private-team-*\"}");

        assertThat(snippetOn(authorized))
                .isEqualTo(new Read(UserIdentity.of("user-1", "Alice", List.of("private-team-*")), true));
        assertThat(snippetOn(sendMessage("Bq3xkcNyoAMCJpQ=")))
                .isEqualTo(new Read(UserIdentity.anonymous(ConnectionId.of("Bq3xkcNyoAMCJpQ=")), false));
    }

    /** What the snippet finds. */
    private record Read(UserIdentity user, boolean mayEnter) {
    }

    private static Read snippetOn(APIGatewayV2WebSocketEvent event) {
        // tag::identity[]
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        UserIdentity user = AuthorizerContext.read(request.getAuthorizer()) // throws for a context that is no user
                .orElseGet(() -> UserIdentity.anonymous(ConnectionId.of(request.getConnectionId())));
        boolean mayEnter = user.isGranted("private-team-a"); // exactly, by a prefix ending in *, or *
        // end::identity[]
        return new Read(user, mayEnter);
    }

    @Test
    void the_readme_shows_exactly_this_snippet() {
        String snippet = ReadmeSnippets.snippet("src/test/java/io/github/wschat/aws/lambda/IdentityReadmeTest.java", "identity");

        assertThat(ReadmeSnippets.moduleReadme()).contains(snippet);
    }
}
