package io.github.wschat.aws.auth;

import java.util.Locale;

/**
 * Why a token was refused: the reason code the authorizer logs with its Deny (never the token itself).
 * {@link #JWKS_UNAVAILABLE} and {@link #INTERNAL} are the issuer's or this code's trouble, not the client's.
 */
public enum Refusal {
    /** No {@code token} query parameter, or an empty one. */
    NO_TOKEN,
    /** Not a compact JWS of three base64url parts with a JSON header and claims set, or oversized. */
    MALFORMED,
    /** Unsigned ({@code alg: none}), encrypted, or signed with an algorithm other than RS256 and ES256 (HMAC included). */
    ALGORITHM_REFUSED,
    /** The signature does not verify with the key its {@code kid} names: forged or tampered with. */
    BAD_SIGNATURE,
    /** No key of the issuer's key set matches the token's {@code kid}, even after fetching the set again. */
    UNKNOWN_KEY,
    /** The key set could not be fetched (an outage, a timeout, a body that is not a key set). */
    JWKS_UNAVAILABLE,
    /** A fetch of the key set was due (an unknown {@code kid}, a failed fetch) but the rate limit holds it back. */
    JWKS_REFRESH_LIMITED,
    /** {@code exp} is past, by more than the clock skew. */
    EXPIRED,
    /** {@code nbf} is ahead, by more than the clock skew. */
    NOT_YET_VALID,
    /** {@code iss} is not exactly the configured issuer. */
    WRONG_ISSUER,
    /** {@code aud} does not contain the configured audience and Cognito's {@code client_id} is not it. */
    WRONG_AUDIENCE,
    /** {@code sub} or {@code exp} is absent. */
    MISSING_CLAIM,
    /** A claim the identity is made of is unusable: a {@code rooms} that is not a list of grants, a name or id too long. */
    BAD_CLAIM,
    /** The Allow answer would exceed API Gateway's 8 KB authorizer result. */
    CONTEXT_TOO_LARGE,
    /** An unexpected failure of the verification itself (logged at ERROR). */
    INTERNAL;

    /** The code as logged: {@code no_token}, {@code expired}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
