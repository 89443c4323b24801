package dev.paymux.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import org.junit.jupiter.api.Test;

/** Errors outside the controllers keep the seed's format and reveal nothing. */
class ErrorFormatTest extends ApiTest {

    @Test
    void unknownPathsAnswerInTheSeedFormat() {
        for (String path : new String[] {"/nothing", "/api/nothing", "/admin-nothing"}) {
            Http.Response r = http().get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isEqualTo("not found");
        }
    }

    @Test
    void errorsNeverCarryStackTraces() {
        Http.Response r = http().get("/error");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("trace");
        assertThat(r.json().get("success").asBoolean()).isFalse();
    }
}
