package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;

import java.util.List;
import java.util.Objects;

/**
 * The Lambda REQUEST authorizer of {@code $connect}, as the server sees it.
 *
 * @param handler         the authorizer's Lambda handler
 * @param functionName    the function name its context reports
 * @param identitySources {@code route.request.querystring.NAME} or {@code route.request.header.NAME}: each
 *                        must be present and not empty, else the client gets 401 without an invocation
 */
public record ConnectAuthorizer(RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> handler,
                                String functionName,
                                List<IdentitySource> identitySources) {

    public ConnectAuthorizer {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(functionName, "functionName");
        identitySources = List.copyOf(identitySources);
        if (functionName.isBlank()) {
            throw new IllegalArgumentException("function name is blank");
        }
    }

    /**
     * One identity source of a WebSocket REQUEST authorizer.
     *
     * @param expression the expression as configured, {@code route.request.header.Authorization}
     * @param header     whether it names a header (matched without regard to case), else a query parameter
     * @param name       the header or query parameter
     */
    public record IdentitySource(String expression, boolean header, String name) {

        private static final String HEADER = "route.request.header.";
        private static final String QUERY = "route.request.querystring.";

        public IdentitySource {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(name, "name");
        }

        /**
         * Parses {@code route.request.header.NAME} or {@code route.request.querystring.NAME}.
         *
         * @throws IllegalArgumentException for any other expression
         */
        public static IdentitySource parse(String expression) {
            Objects.requireNonNull(expression, "identity source");
            if (expression.startsWith(HEADER) && expression.length() > HEADER.length()) {
                return new IdentitySource(expression, true, expression.substring(HEADER.length()));
            }
            if (expression.startsWith(QUERY) && expression.length() > QUERY.length()) {
                return new IdentitySource(expression, false, expression.substring(QUERY.length()));
            }
            throw new IllegalArgumentException("identity source must be route.request.header.<name> or "
                    + "route.request.querystring.<name>: " + expression);
        }
    }
}
