package io.github.wschat.aws.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.core.domain.UserIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Lambda REQUEST authorizer of {@code $connect} (PROTOCOL §2): reads the JWT of the {@code token} query
 * parameter ({@code wss://…/{stage}?token=…}, as browsers cannot set headers), verifies it with a
 * {@link JwtVerifier}, and answers API Gateway with an IAM policy on the event's {@code methodArn}:
 *
 * <ul>
 *   <li>a valid token: {@code Allow} {@code execute-api:Invoke}, {@code principalId} = the user id, and the
 *       user as {@code context} ({@link AuthorizerContext#of}), which API Gateway hands to every later route
 *       of the connection in {@code requestContext.authorizer};</li>
 *   <li>anything else: {@code Deny}, {@code principalId} {@value #ANONYMOUS_PRINCIPAL}, no context; API Gateway
 *       then refuses the handshake with 403 (401 when the parameter is missing) and no route runs.</li>
 * </ul>
 *
 * An Allow whose serialized answer would exceed API Gateway's {@value #MAX_RESULT_BYTES}-byte authorizer
 * result limit is answered Deny instead ({@link Refusal#CONTEXT_TOO_LARGE}): API Gateway would fail the
 * handshake with a 500 otherwise. No exception escapes {@link #authorize}. Each decision is one INFO line, the
 * effect and the reason code only ({@code authorizer: Deny (expired)}); the user id is logged at DEBUG, the
 * token never.
 *
 * <pre>{@code
 * JwtAuthorizer authorizer = JwtAuthorizer.create(AuthSettings.fromEnvironment()); // once per container
 * IamPolicyResponseV1 answer = authorizer.authorize(event);
 * }</pre>
 */
public final class JwtAuthorizer {

    /** The query parameter that carries the token. */
    public static final String TOKEN_PARAMETER = "token";
    /** The {@code principalId} of a Deny. */
    public static final String ANONYMOUS_PRINCIPAL = "anonymous";
    /** API Gateway's quota "Lambda authorizer result size": the whole serialized answer, in bytes. */
    public static final int MAX_RESULT_BYTES = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizer.class);
    /** A Deny must name a resource; an event without a methodArn gets one on everything. */
    private static final String ANY_RESOURCE = "*";

    private final JwtVerifier verifier;

    private JwtAuthorizer(JwtVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** An authorizer with a verifier of its own for the settings: make one per Lambda container. */
    public static JwtAuthorizer create(AuthSettings settings) {
        return new JwtAuthorizer(JwtVerifier.create(settings));
    }

    /** An authorizer on the given verifier (a clock of a test's, a verifier shared with other code). */
    public static JwtAuthorizer of(JwtVerifier verifier) {
        return new JwtAuthorizer(verifier);
    }

    public JwtVerifier verifier() {
        return verifier;
    }

    /** The answer to one REQUEST authorizer event; never throws. */
    public IamPolicyResponseV1 authorize(APIGatewayCustomAuthorizerEvent event) {
        String methodArn = event == null ? null : event.getMethodArn();
        try {
            TokenVerification verification = verifier.verify(token(event));
            if (verification instanceof TokenVerification.Refused refused) {
                return deny(methodArn, refused.reason(), refused.detail());
            }
            UserIdentity user = ((TokenVerification.Verified) verification).user();
            if (methodArn == null || methodArn.isBlank()) {
                return deny(null, Refusal.INTERNAL, "the event has no methodArn");
            }
            IamPolicyResponseV1 allow = answer(user.userId(), IamPolicyResponseV1.ALLOW, methodArn, AuthorizerContext.of(user));
            int size = serializedSize(allow);
            if (size > MAX_RESULT_BYTES) {
                return deny(methodArn, Refusal.CONTEXT_TOO_LARGE, "the Allow answer would be " + size + " bytes, above "
                        + MAX_RESULT_BYTES + " (" + user.roomGrants().size() + " room grants)");
            }
            LOG.info("authorizer: Allow");
            LOG.debug("authorizer: Allow for user {} ({} bytes)", user.userId(), size);
            return allow;
        } catch (RuntimeException e) {
            LOG.error("authorizer failed unexpectedly; answering Deny", e);
            return denied(event);
        }
    }

    /**
     * The Deny answer for {@code event}, whatever it holds: what a container whose authorizer could not be
     * configured answers (its settings missing), so that a misconfiguration refuses connections rather than
     * failing every handshake with an error.
     */
    public static IamPolicyResponseV1 denied(APIGatewayCustomAuthorizerEvent event) {
        return answer(ANONYMOUS_PRINCIPAL, IamPolicyResponseV1.DENY, resource(event == null ? null : event.getMethodArn()), null);
    }

    /** The size of the answer as it goes to API Gateway: its JSON, in UTF-8 bytes. */
    public static int serializedSize(IamPolicyResponseV1 answer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("principalId", answer.getPrincipalId());
        json.put("policyDocument", answer.getPolicyDocument());
        if (answer.getContext() != null) {
            json.put("context", answer.getContext());
        }
        try {
            return JSON.std.asBytes(json).length;
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the authorizer answer", e);
        }
    }

    private static String token(APIGatewayCustomAuthorizerEvent event) {
        Map<String, String> query = event == null ? null : event.getQueryStringParameters();
        return query == null ? null : query.get(TOKEN_PARAMETER);
    }

    private static IamPolicyResponseV1 deny(String methodArn, Refusal reason, String detail) {
        if (reason == Refusal.CONTEXT_TOO_LARGE || reason == Refusal.INTERNAL) {
            LOG.warn("authorizer: Deny ({}): {}", reason.code(), detail);
        } else {
            LOG.info("authorizer: Deny ({})", reason.code());
            LOG.debug("authorizer: Deny ({}): {}", reason.code(), detail);
        }
        return answer(ANONYMOUS_PRINCIPAL, IamPolicyResponseV1.DENY, resource(methodArn), null);
    }

    private static String resource(String methodArn) {
        return methodArn == null || methodArn.isBlank() ? ANY_RESOURCE : methodArn;
    }

    private static IamPolicyResponseV1 answer(String principal, String effect, String resource, Map<String, Object> context) {
        IamPolicyResponseV1.Statement statement = IamPolicyResponseV1.ALLOW.equals(effect)
                ? IamPolicyResponseV1.allowStatement(resource) : IamPolicyResponseV1.denyStatement(resource);
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }
}
