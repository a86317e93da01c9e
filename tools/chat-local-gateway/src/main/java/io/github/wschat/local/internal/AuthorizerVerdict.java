package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What API Gateway makes of a {@code $connect} authorizer's answer: allowed, with the
 * {@code requestContext.authorizer} of the connection's events; or refused, with the HTTP status of the
 * handshake. The authorizer failing, timing out, answering nothing, no {@code principalId}, no policy, a
 * {@code context} value that is not a string, number or boolean, or a result above
 * {@value #MAX_RESULT_BYTES} bytes (the quota "Lambda authorizer result size" of WebSocket APIs; measured
 * on the answer as JSON, null fields left out) is API Gateway's 500; a policy that does not allow
 * {@code execute-api:Invoke} on the method ARN, an explicit {@code Deny} first, is 403.
 *
 * @param status     200 when allowed, else the handshake's status (401, 403, 500)
 * @param error      the message of the refusal's body, {@code null} when allowed
 * @param reason     why, for the access log and the warning (never a token or a context value), {@code null}
 *                   when allowed
 * @param authorizer the {@code requestContext.authorizer} of the connection's events when allowed: the
 *                   answer's {@code context}, {@code principalId} and {@code integrationLatency} (ms);
 *                   else {@code null}
 */
record AuthorizerVerdict(int status, String error, String reason, Map<String, Object> authorizer) {

    /** The quota on an authorizer's result for WebSocket APIs, 8 KB. */
    static final int MAX_RESULT_BYTES = 8 * 1024;

    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String INTERNAL_SERVER_ERROR = "Internal server error";

    boolean allowed() {
        return authorizer != null;
    }

    /** The refusal of a request that lacks an identity source: 401, the authorizer not invoked. */
    static AuthorizerVerdict unauthorized(String identitySource) {
        return new AuthorizerVerdict(401, UNAUTHORIZED, "identity source " + identitySource + " missing or empty", null);
    }

    /** The verdict on an authorizer's answer for the request of {@code methodArn}. */
    static AuthorizerVerdict of(AuthorizerInvocation invocation, String methodArn) {
        if (invocation.failure() != null) {
            return internalError(invocation.timedOut() ? "authorizer timed out"
                    : "authorizer failed: " + invocation.failure().getClass().getName());
        }
        IamPolicyResponseV1 response = invocation.response();
        if (response == null) {
            return internalError("authorizer answered null");
        }
        if (response.getPrincipalId() == null || response.getPrincipalId().isEmpty()) {
            return internalError("authorizer answered no principalId");
        }
        Map<String, Object> policy = policyDocument(response);
        if (policy == null) {
            return internalError("authorizer answered no policyDocument with a Statement list");
        }
        Map<String, Object> context = response.getContext() == null ? Map.of() : response.getContext();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            Object value = entry.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                return internalError("authorizer context value of " + entry.getKey() + " is "
                        + (value == null ? "null" : "a " + value.getClass().getName())
                        + ", not a string, number or boolean");
            }
        }
        int size = resultBytes(response, policy);
        if (size > MAX_RESULT_BYTES) {
            return internalError("authorizer result of " + size + " bytes is above the quota of " + MAX_RESULT_BYTES);
        }
        return switch (ExecuteApiPolicy.decide(statements(policy), methodArn)) {
            case EXPLICIT_DENY -> new AuthorizerVerdict(403, FORBIDDEN, "denied by an explicit Deny of the policy", null);
            case IMPLICIT_DENY -> new AuthorizerVerdict(403, FORBIDDEN, "no Allow of the policy matches " + methodArn, null);
            case ALLOW -> {
                Map<String, Object> authorizer = new LinkedHashMap<>();
                authorizer.put("principalId", response.getPrincipalId());
                authorizer.put("integrationLatency", (int) Math.min(Integer.MAX_VALUE, invocation.latencyMillis()));
                context.forEach(authorizer::putIfAbsent);
                yield new AuthorizerVerdict(200, null, null, Collections.unmodifiableMap(authorizer));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object statement : (Object[]) policy.get("Statement")) {
            if (statement instanceof Map<?, ?> map) {
                statements.add((Map<String, Object>) map);
            }
        }
        return statements;
    }

    private static AuthorizerVerdict internalError(String reason) {
        return new AuthorizerVerdict(500, INTERNAL_SERVER_ERROR, reason, null);
    }

    /**
     * The policy document as the Lambda runtime would serialize it ({@code Version}, {@code Statement} of
     * {@code Effect}, {@code Action}, {@code Resource}, {@code Condition}), or {@code null} when there is none:
     * {@code IamPolicyResponseV1.getPolicyDocument()} builds that map from its fields without a null check, so
     * a missing document, statement list or resource list is a {@link NullPointerException} there.
     */
    private static Map<String, Object> policyDocument(IamPolicyResponseV1 response) {
        try {
            Map<String, Object> document = response.getPolicyDocument();
            return document.get("Statement") instanceof Object[] ? document : null;
        } catch (NullPointerException incomplete) {
            return null;
        }
    }

    /** The answer's size as JSON, null fields left out: what the quota measures. */
    private static int resultBytes(IamPolicyResponseV1 response, Map<String, Object> policy) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("principalId", response.getPrincipalId());
        result.put("policyDocument", policy);
        result.put("context", response.getContext());
        result.put("usageIdentifierKey", response.getUsageIdentifierKey());
        try {
            return JSON.std.asString(withoutNulls(result)).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            // only primitives, maps, lists and arrays remain: jackson-jr writes them all
            throw new IllegalStateException("cannot write the authorizer's result as JSON", e);
        }
    }

    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    copy.put(String.valueOf(key), withoutNulls(item));
                }
            });
            return copy;
        }
        if (value instanceof Object[] array) {
            return withoutNulls(Arrays.asList(array));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(withoutNulls(item));
            }
            return copy;
        }
        return value;
    }
}
