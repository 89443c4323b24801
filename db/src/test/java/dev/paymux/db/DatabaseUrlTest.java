package dev.paymux.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String SECRET = "s3cr3tPa55";

    @Test
    void parses_the_usual_database_url_and_decodes_the_password() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://user:p%40ss@db.example:6543/paymux");

        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/paymux");
        assertThat(u.username()).isEqualTo("user");
        assertThat(u.password()).isEqualTo("p@ss");
    }

    @Test
    void default_port_is_5432() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://user:pw@db.example/paymux");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/paymux");
    }

    @Test
    void postgresql_scheme_is_accepted_too() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app:pw@10.0.0.5:5433/shop");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:5433/shop");
        assertThat(u.username()).isEqualTo("app");
        assertThat(u.password()).isEqualTo("pw");
    }

    @Test
    void query_string_is_kept() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://user:pw@db.example/paymux?sslmode=require&connectTimeout=5");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/paymux?sslmode=require&connectTimeout=5");
    }

    @Test
    void surrounding_whitespace_is_ignored() {
        assertThat(DatabaseUrl.parse("  postgres://u:p@h:1/d\n").jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d");
    }

    @Test
    void user_without_password() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://readonly@db.example/paymux");
        assertThat(u.username()).isEqualTo("readonly");
        assertThat(u.password()).isNull();
    }

    @Test
    void no_credentials_at_all() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://localhost/paymux");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/paymux");
        assertThat(u.username()).isNull();
        assertThat(u.password()).isNull();
    }

    @Test
    void percent_encoded_user_and_password_are_decoded() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://app%2Buser:a%3Ab%2Fc%25d%20e@db.example/paymux");
        assertThat(u.username()).isEqualTo("app+user");
        assertThat(u.password()).isEqualTo("a:b/c%d e");
    }

    @Test
    void a_colon_in_the_password_is_kept() {
        // only the first ':' of the user info separates user from password
        assertThat(DatabaseUrl.parse("postgres://u:a:b@db.example/paymux").password()).isEqualTo("a:b");
    }

    @Test
    void ipv6_host() {
        assertThat(DatabaseUrl.parse("postgres://u:p@[::1]:5433/paymux").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/paymux");
    }

    @Test
    void a_literal_plus_in_the_password_is_kept() {
        assertThat(DatabaseUrl.parse("postgres://user:p+ss@db.example/paymux").password()).isEqualTo("p+ss");
    }

    @Test
    void a_host_name_with_an_underscore_is_accepted() {
        assertThat(DatabaseUrl.parse("postgres://user:pw@paymux_db:5432/paymux").jdbcUrl())
                .isEqualTo("jdbc:postgresql://paymux_db:5432/paymux");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://user:" + SECRET + "@db.example:3306/paymux",
            "jdbc:postgresql://user:" + SECRET + "@db.example:5432/paymux",
            "http://user:" + SECRET + "@db.example/paymux",
            "postgres://user:" + SECRET + "@db.example",
            "postgres://user:" + SECRET + "@db.example/",
            "postgres://user:" + SECRET + "@db.example:5432",
            "postgres://user:" + SECRET + "@:5432/paymux",
            "postgres:user:" + SECRET + "@db.example/paymux",
            "user:" + SECRET + "@db.example/paymux",
            "garbage " + SECRET,
            SECRET,
            "postgres://user:" + SECRET + " x@db.example/paymux",
            "postgres://user:" + SECRET + "%zz@db.example/paymux",
            "postgres://user:" + SECRET + "@db.example:port/paymux",
            "postgres://user:" + SECRET + "@db example/paymux",
            "",
            "   ",
    })
    void bad_urls_are_rejected_without_revealing_the_password(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).isNotBlank().doesNotContain(SECRET);
                    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                        assertThat(String.valueOf(c.getMessage())).doesNotContain(SECRET);
                    }
                });
    }

    @Test
    void error_messages_say_what_form_is_expected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/db")).hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@h")).hasMessageContaining("database name");
    }

    @Test
    void to_string_does_not_reveal_the_password() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://user:" + SECRET + "@db.example:6543/paymux");

        assertThat(u.toString()).doesNotContain(SECRET)
                .contains("jdbc:postgresql://db.example:6543/paymux")
                .contains("user");
        assertThat(new DatabaseUrl("jdbc:postgresql://h:5432/d", "u", SECRET).toString()).doesNotContain(SECRET);
    }
}
