package io.github.wschat.aws.auth;

import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link JwtVerifier#verify} found: the verified user, or why the token was refused. A refusal is an
 * expected outcome, a value: the verifier throws for none, however bad the token.
 */
public sealed interface TokenVerification {

    /** Whether the token was verified. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /**
     * A valid token, and the user its claims name.
     *
     * @param user   the user of {@code sub}, {@code name} (or its fallbacks) and {@code rooms}
     * @param scopes the token's {@code scope} claim: a space-separated string (RFC 8693) or a list of strings, each
     *               scope once; none when the claim is absent or neither (a scope grants more, so an unreadable
     *               one grants nothing rather than refusing a token the authorizer has always accepted)
     */
    record Verified(UserIdentity user, Set<String> scopes) implements TokenVerification {
        public Verified {
            Objects.requireNonNull(user, "user");
            scopes = Set.copyOf(scopes);
        }

        /** A token without scopes. */
        public Verified(UserIdentity user) {
            this(user, Set.of());
        }

        /** Whether the token's {@code scope} claim holds {@code scope}, exactly. */
        public boolean hasScope(String scope) {
            return scopes.contains(scope);
        }
    }

    /**
     * A refused token.
     *
     * @param reason why, as logged
     * @param detail a sentence for DEBUG logs and tests; it never holds the token, nor claim values beyond the subject
     */
    record Refused(Refusal reason, String detail) implements TokenVerification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
