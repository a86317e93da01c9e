package io.github.wschat.aws.auth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTest {

    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";

    @Test
    void the_key_set_is_below_the_issuer_with_one_slash_whether_or_not_the_issuer_ends_with_one() {
        URI expected = URI.create(ISSUER + "/.well-known/jwks.json");

        assertThat(AuthSettings.builder().issuer(ISSUER).audience("app").build().jwksUrl()).isEqualTo(expected);
        assertThat(AuthSettings.builder().issuer(ISSUER + "/").audience("app").build().jwksUrl()).isEqualTo(expected);
    }

    @Test
    void defaults_are_60_s_of_skew_5_min_of_cache_30_s_between_refreshes_and_1_s_timeouts() {
        AuthSettings settings = AuthSettings.builder().issuer(ISSUER).audience("app").build();

        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.jwksCacheTimeToLive()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.jwksMinRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.jwksTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void the_environment_gives_issuer_audience_and_key_set_and_a_system_property_of_the_same_name_wins() {
        Map<String, String> environment = Map.of(
                AuthSettings.AUTH_ISSUER, ISSUER,
                AuthSettings.AUTH_AUDIENCE, "from-environment",
                AuthSettings.AUTH_JWKS_URL, "");
        Map<String, String> properties = Map.of(AuthSettings.AUTH_AUDIENCE, "from-property",
                AuthSettings.AUTH_ISSUER, "  ");

        AuthSettings settings = AuthSettings.from(environment, properties::get);

        assertThat(settings.issuer()).isEqualTo(ISSUER);
        assertThat(settings.audience()).isEqualTo("from-property");
        assertThat(settings.jwksUrl()).as("empty: the well-known one").isEqualTo(URI.create(ISSUER + "/.well-known/jwks.json"));
        assertThat(AuthSettings.from(Map.of(AuthSettings.AUTH_ISSUER, ISSUER, AuthSettings.AUTH_AUDIENCE, "a",
                AuthSettings.AUTH_JWKS_URL, "https://keys.example.com/jwks"), name -> null).jwksUrl())
                .isEqualTo(URI.create("https://keys.example.com/jwks"));
    }

    @Test
    void the_audience_is_required_and_the_message_says_what_to_set() {
        assertThatThrownBy(() -> AuthSettings.from(Map.of(AuthSettings.AUTH_ISSUER, ISSUER), name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTH_AUDIENCE");
        assertThatThrownBy(() -> AuthSettings.from(Map.of(AuthSettings.AUTH_AUDIENCE, "app"), name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTH_ISSUER");
    }

    @Test
    void malformed_values_are_refused() {
        AuthSettings.Builder valid = AuthSettings.builder().issuer(ISSUER).audience("app");

        assertThatThrownBy(() -> AuthSettings.builder().issuer("not a url").audience("a").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthSettings.builder().issuer("ftp://example.com").audience("a").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid.clockSkew(Duration.ofSeconds(61)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60 s");
        assertThatThrownBy(() -> AuthSettings.builder().issuer(ISSUER).audience("a")
                .jwksMinRefreshInterval(Duration.ofMinutes(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than its time to live");
    }
}
