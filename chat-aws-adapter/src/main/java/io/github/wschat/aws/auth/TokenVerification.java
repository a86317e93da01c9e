package io.github.wschat.aws.auth;

import io.github.wschat.core.domain.UserIdentity;

import java.util.Objects;

/**
 * What {@link JwtVerifier#verify} found: the verified user, or why the token was refused. A refusal is an
 * expected outcome, a value: the verifier throws for none, however bad the token.
 */
public sealed interface TokenVerification {

    /** Whether the token was verified. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /** A valid token, and the user its claims name. */
    record Verified(UserIdentity user) implements TokenVerification {
        public Verified {
            Objects.requireNonNull(user, "user");
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
