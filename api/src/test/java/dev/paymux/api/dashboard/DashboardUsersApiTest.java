package dev.paymux.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Dashboard users through the admin API, and the first operator made on the first start. */
class DashboardUsersApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theFirstStartMadeAnOperatorWithAHashedPassword() {
        JsonNode users = admin().send("GET", "/admin/v1/users", null).data();
        JsonNode first = users.valueStream().filter(u -> u.get("email").asString().equals("operator@localhost"))
                .findFirst().orElseThrow(() -> new AssertionError("no first operator in " + users));
        assertThat(first.get("role").asString()).isEqualTo("operator");
        assertThat(first.has("password")).isFalse();
        assertThat(jdbc.sql("select password_hash from dashboard_users where email = 'operator@localhost'")
                .query(String.class).single()).startsWith("{bcrypt}");
    }

    @Test
    void aUserWithoutAPasswordGetsOneMadeUpShownOnlyInTheAnswer() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String account = admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().get("account_id").asString();
        Http.Response r = admin().send("POST", "/admin/v1/users", "{\"email\":\"Ana-" + run + "@Example.com\","
                + "\"role\":\"merchant\",\"account_id\":\"" + account + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String password = r.data().get("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(r.data().get("email").asString()).isEqualTo("ana-" + run + "@example.com");
        assertThat(admin().send("GET", "/admin/v1/users", null).body()).doesNotContain(password);

        String id = r.data().get("user_id").asString();
        Http.Response off = admin().send("PATCH", "/admin/v1/users/" + id, "{\"enabled\":false}");
        assertThat(off.data().get("enabled").asBoolean()).isFalse();
        assertThat(admin().send("PATCH", "/admin/v1/users/" + UUID.randomUUID(), "{\"enabled\":false}").status())
                .isEqualTo(404);
    }

    @Test
    void badUsersAreRefusedWithTheReasonAndNothingIsWritten() {
        long before = count();
        for (String body : List.of("{}", "{\"email\":\"nope\",\"role\":\"operator\"}",
                "{\"email\":\"x-" + run + "@example.com\",\"role\":\"king\"}",
                "{\"email\":\"x-" + run + "@example.com\",\"role\":\"merchant\"}",
                "{\"email\":\"x-" + run + "@example.com\",\"role\":\"merchant\",\"account_id\":\"" + UUID.randomUUID() + "\"}",
                "{\"email\":\"x-" + run + "@example.com\",\"role\":\"merchant\",\"account_id\":\"not-a-uuid\"}",
                "{\"email\":\"x-" + run + "@example.com\",\"role\":\"operator\",\"password\":\"short\"}",
                "{\"email\":\"x-" + run + "@example.com\",\"role\":\"operator\",\"password\":42}",
                "{\"email\":\"operator@localhost\",\"role\":\"operator\"}", "[1]", "not json")) {
            Http.Response r = admin().send("POST", "/admin/v1/users", body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isNotBlank();
        }
        assertThat(count()).isEqualTo(before);
        assertThat(admin().send("PATCH", "/admin/v1/users/" + UUID.randomUUID(), "{\"enabled\":\"no\"}").status())
                .isEqualTo(400);
        assertThat(http().get("/admin/v1/users").status()).isEqualTo(401);
    }

    private long count() {
        return jdbc.sql("select count(*) from dashboard_users").query(Long.class).single();
    }
}
