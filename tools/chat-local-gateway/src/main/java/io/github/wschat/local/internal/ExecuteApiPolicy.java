package io.github.wschat.local.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IAM's evaluation of an authorizer's policy for one {@code execute-api:Invoke} on one method ARN: an
 * explicit {@code Deny} whose action and resource match wins, else an {@code Allow} that matches allows,
 * else the call is denied. Actions match without regard to case ({@code execute-api:Invoke},
 * {@code execute-api:*}, {@code *}); resources with case; both with IAM's wildcards {@code *} (any run of
 * characters, {@code /} and {@code :} included) and {@code ?} (one character). A statement's
 * {@code Condition} is not evaluated: it counts as holding.
 */
final class ExecuteApiPolicy {

    static final String INVOKE = "execute-api:Invoke";

    /** What the policy decides. */
    enum Decision {
        ALLOW, EXPLICIT_DENY, IMPLICIT_DENY
    }

    private ExecuteApiPolicy() {
    }

    /**
     * Decides for {@code methodArn}.
     *
     * @param statements the {@code Statement} list of a policy document, each a map of {@code Effect},
     *                   {@code Action} (a string or strings) and {@code Resource} (a string or strings)
     */
    static Decision decide(List<Map<String, Object>> statements, String methodArn) {
        boolean allowed = false;
        for (Map<String, Object> statement : statements) {
            if (!matchesAny(statement.get("Action"), INVOKE, true) || !matchesAny(statement.get("Resource"), methodArn, false)) {
                continue;
            }
            String effect = String.valueOf(statement.get("Effect"));
            if ("Deny".equalsIgnoreCase(effect)) {
                return Decision.EXPLICIT_DENY;
            }
            allowed |= "Allow".equalsIgnoreCase(effect);
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** Whether IAM's wildcard {@code pattern} ({@code *} any run, {@code ?} one character) matches all of {@code value}. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }

    private static boolean matchesAny(Object patterns, String value, boolean ignoreCase) {
        if (patterns instanceof String single) {
            return matches(single, value, ignoreCase);
        }
        Iterable<?> many = patterns instanceof Object[] array ? Arrays.asList(array)
                : patterns instanceof List<?> list ? list : List.of();
        for (Object pattern : many) {
            if (pattern instanceof String text && matches(text, value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }
}
