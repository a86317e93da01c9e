package io.github.wschat.aws.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the {@code $connect} authorizer trusts: the token issuer, the audience its tokens must name, where its
 * JSON Web Key Set is, and how long that key set is cached.
 *
 * <pre>{@code
 * AuthSettings settings = AuthSettings.builder()
 *         .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123")
 *         .audience("3n4b5urk1ft4fl3mg5e6b1k2ld")          // the app client id
 *         .build();                                        // key set at {issuer}/.well-known/jwks.json
 * }</pre>
 *
 * <p>The audience is required: a token of the same issuer minted for another application (another app client
 * of the same Cognito user pool, another API of the same identity provider) must not open a chat connection,
 * so there is no "any audience" setting.
 *
 * @param issuer              the exact {@code iss} of accepted tokens, an {@code https} (or, for loopback
 *                            issuers, {@code http}) URL
 * @param audience            the value {@code aud} must contain, or Cognito's {@code client_id} equal
 * @param jwksUrl             the issuer's key set; {@code {issuer}/.well-known/jwks.json} by default (one
 *                            {@code /} between them whether or not the issuer ends with one)
 * @param clockSkew           how late {@code exp} and how early {@code nbf} may be, 0 to 60 s; 60 s by default
 * @param jwksCacheTimeToLive how long a fetched key set is used before it is fetched again; 5 min by default
 * @param jwksMinRefreshInterval the rate limit of fetches: at most two in any such interval (nimbus's rate
 *                            limiter), be it for an unknown {@code kid}, an expired cache or a failed fetch;
 *                            30 s by default, shorter than the time to live
 * @param jwksTimeout         the connect and the read timeout of one fetch; 1 s by default
 */
public record AuthSettings(String issuer, String audience, URI jwksUrl, Duration clockSkew,
                           Duration jwksCacheTimeToLive, Duration jwksMinRefreshInterval, Duration jwksTimeout) {

    /** The issuer: the environment variable, or the system property of the same name, which wins. */
    public static final String AUTH_ISSUER = "AUTH_ISSUER";
    /** The audience, as {@link #AUTH_ISSUER}. */
    public static final String AUTH_AUDIENCE = "AUTH_AUDIENCE";
    /** The key set URL, as {@link #AUTH_ISSUER}; empty or absent for the issuer's well-known one. */
    public static final String AUTH_JWKS_URL = "AUTH_JWKS_URL";

    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JWKS_CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JWKS_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofSeconds(1);
    /** Where OpenID Connect and Cognito publish an issuer's keys, below the issuer URL. */
    public static final String WELL_KNOWN_JWKS_PATH = ".well-known/jwks.json";

    public AuthSettings {
        issuer = required("issuer", issuer, AUTH_ISSUER);
        audience = required("audience", audience, AUTH_AUDIENCE);
        httpUrl("issuer", URI.create(issuer));
        jwksUrl = httpUrl("key set URL", jwksUrl == null ? wellKnownJwksUrl(issuer) : jwksUrl);
        clockSkew = Objects.requireNonNullElse(clockSkew, MAX_CLOCK_SKEW);
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("the clock skew must be 0 to 60 s, not " + clockSkew);
        }
        jwksCacheTimeToLive = positive("key set time to live",
                Objects.requireNonNullElse(jwksCacheTimeToLive, DEFAULT_JWKS_CACHE_TIME_TO_LIVE));
        jwksMinRefreshInterval = Objects.requireNonNullElse(jwksMinRefreshInterval, DEFAULT_JWKS_MIN_REFRESH_INTERVAL);
        if (jwksMinRefreshInterval.isNegative() || jwksMinRefreshInterval.compareTo(jwksCacheTimeToLive) >= 0) {
            throw new IllegalArgumentException("the minimum refresh interval of the key set must be 0 or more and"
                    + " shorter than its time to live (" + jwksCacheTimeToLive + "), not " + jwksMinRefreshInterval);
        }
        jwksTimeout = positive("key set timeout", Objects.requireNonNullElse(jwksTimeout, DEFAULT_JWKS_TIMEOUT));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().issuer(issuer).audience(audience).jwksUrl(jwksUrl).clockSkew(clockSkew)
                .jwksCacheTimeToLive(jwksCacheTimeToLive).jwksMinRefreshInterval(jwksMinRefreshInterval)
                .jwksTimeout(jwksTimeout);
    }

    /**
     * From {@code AUTH_ISSUER}, {@code AUTH_AUDIENCE} and {@code AUTH_JWKS_URL}, each read from the system
     * property of that name when it is set and not blank (a local runner sets them in-process), else from the
     * environment variable; the other settings keep their defaults.
     *
     * @throws IllegalStateException when the issuer or the audience is missing, saying which to set
     * @throws IllegalArgumentException when a value is malformed
     */
    public static AuthSettings fromEnvironment() {
        return from(System.getenv(), System::getProperty);
    }

    /** From the given environment, a non-blank value of {@code properties} taking precedence; for tests. */
    static AuthSettings from(Map<String, String> environment, UnaryOperator<String> properties) {
        String jwksUrl = setting(AUTH_JWKS_URL, environment, properties);
        return builder()
                .issuer(setting(AUTH_ISSUER, environment, properties))
                .audience(setting(AUTH_AUDIENCE, environment, properties))
                .jwksUrl(jwksUrl == null ? null : URI.create(jwksUrl))
                .build();
    }

    /** {@code {issuer}/.well-known/jwks.json}, with one {@code /} between them. */
    public static URI wellKnownJwksUrl(String issuer) {
        return URI.create((issuer.endsWith("/") ? issuer : issuer + "/") + WELL_KNOWN_JWKS_PATH);
    }

    private static String setting(String name, Map<String, String> environment, UnaryOperator<String> properties) {
        String property = properties.apply(name);
        String value = property != null && !property.isBlank() ? property : environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(String what, String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the authorizer needs the token " + what + ": set " + variable
                    + " (environment variable or system property)");
        }
        return value.strip();
    }

    private static URI httpUrl(String what, URI url) {
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("the " + what + " must be an http(s) URL with a host, not " + url);
        }
        return url;
    }

    private static Duration positive(String what, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + value);
        }
        return value;
    }

    /** Builds {@link AuthSettings}; issuer and audience are required, the rest have their defaults. */
    public static final class Builder {
        private String issuer;
        private String audience;
        private URI jwksUrl;
        private Duration clockSkew;
        private Duration jwksCacheTimeToLive;
        private Duration jwksMinRefreshInterval;
        private Duration jwksTimeout;

        private Builder() {
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** The key set URL; null for {@code {issuer}/.well-known/jwks.json}. */
        public Builder jwksUrl(URI jwksUrl) {
            this.jwksUrl = jwksUrl;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder jwksCacheTimeToLive(Duration jwksCacheTimeToLive) {
            this.jwksCacheTimeToLive = jwksCacheTimeToLive;
            return this;
        }

        public Builder jwksMinRefreshInterval(Duration jwksMinRefreshInterval) {
            this.jwksMinRefreshInterval = jwksMinRefreshInterval;
            return this;
        }

        public Builder jwksTimeout(Duration jwksTimeout) {
            this.jwksTimeout = jwksTimeout;
            return this;
        }

        public AuthSettings build() {
            return new AuthSettings(issuer, audience, jwksUrl, clockSkew, jwksCacheTimeToLive,
                    jwksMinRefreshInterval, jwksTimeout);
        }
    }
}
