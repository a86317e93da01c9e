package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.aws.auth.JwtAuthorizer;

import java.util.Optional;

/**
 * The REQUEST authorizer of $connect (deployed when the template's {@code AuthIssuer} is set): verifies the
 * {@code token} query parameter and answers Allow with the user as context, or Deny (PROTOCOL §2).
 * Only wiring: the behaviour is the library's {@link JwtAuthorizer}, built once per container by
 * {@link AuthorizerApplication}; a container whose settings are missing answers Deny to every event.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    private final Optional<JwtAuthorizer> authorizer;

    /** Used by Lambda: the container's authorizer, built once from {@code AUTH_ISSUER}, {@code AUTH_AUDIENCE}, {@code AUTH_JWKS_URL}. */
    public AuthorizerHandler() {
        this(AuthorizerApplication.instance());
    }

    AuthorizerHandler(Optional<JwtAuthorizer> authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        return authorizer.isPresent() ? authorizer.get().authorize(event) : JwtAuthorizer.denied(event);
    }
}
