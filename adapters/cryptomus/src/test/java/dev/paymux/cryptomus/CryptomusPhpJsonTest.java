package dev.paymux.cryptomus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PHP's json_encode rules as Cryptomus's signatures depend on them (outputs as PHP 8 documents and prints them). */
class CryptomusPhpJsonTest {

    @Test
    void stringsAreEscapedAsPhpDoes() {
        StringBuilder out = new StringBuilder();
        PhpJson.writeString(out, "a/b \"q\" \\ \n\t\u0001 é ☕ 😀 \u2028", true);
        assertThat(out).hasToString("\"a\\/b \\\"q\\\" \\\\ \\n\\t\\u0001 \\u00e9 \\u2615 \\ud83d\\ude00 \\u2028\"");

        StringBuilder unescaped = new StringBuilder();
        PhpJson.writeString(unescaped, "a/b é ☕ 😀 \u2028 \u007f", false);
        assertThat(unescaped).hasToString("\"a\\/b é ☕ 😀 \\u2028 \u007f\"");
    }

    @Test
    void requestsAreCompactObjectsInInsertionOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", "10.28");
        body.put("lifetime", 3600L);
        body.put("accuracy_payment_percent", new BigDecimal("2.50"));
        body.put("is_payment_multiple", false);
        body.put("url_callback", "https://x.example/cb");
        body.put("nothing", null);
        body.put("empty", Map.of());
        assertThat(PhpJson.encode(body, PhpJson.Flavour.REQUEST)).isEqualTo("{\"amount\":\"10.28\",\"lifetime\":3600,"
                + "\"accuracy_payment_percent\":2.5,\"is_payment_multiple\":false,"
                + "\"url_callback\":\"https:\\/\\/x.example\\/cb\",\"nothing\":null,\"empty\":{}}");
    }

    @Test
    void decodedNumbersAreWrittenBackAsPhpWritesThem() {
        assertThat(PhpJson.phpNumber("15")).isEqualTo("15");
        assertThat(PhpJson.phpNumber("-0")).isEqualTo("0");
        assertThat(PhpJson.phpNumber("1.0")).isEqualTo("1");
        assertThat(PhpJson.phpNumber("15.50")).isEqualTo("15.5");
        assertThat(PhpJson.phpNumber("0.1")).isEqualTo("0.1");
        assertThat(PhpJson.phpNumber("0.0001")).isEqualTo("0.0001");
        assertThat(PhpJson.phpNumber("0.00001")).isEqualTo("1.0e-5");
        assertThat(PhpJson.phpNumber("1e15")).isEqualTo("1000000000000000");
        assertThat(PhpJson.phpNumber("1e25")).isEqualTo("1.0e+25");
        assertThat(PhpJson.phpNumber("-2.5E+3")).isEqualTo("-2500");
        assertThat(PhpJson.phpNumber("123456789012345678901")).isEqualTo("1.2345678901234568e+20");
    }

    @Test
    void decodedObjectsThatPhpHoldsAsListsAreWrittenAsLists() {
        PhpJson.Document doc = PhpJson.parse("{\"a\":{},\"b\":{\"0\":\"x\",\"1\":\"y\"},\"c\":{\"1\":\"x\"},\"d\":[],"
                + "\"e\":{\"00\":1}}");
        assertThat(PhpJson.encode(doc.value(), PhpJson.Flavour.DECODED_UNESCAPED_UNICODE))
                .isEqualTo("{\"a\":[],\"b\":[\"x\",\"y\"],\"c\":{\"1\":\"x\"},\"d\":[],\"e\":{\"00\":1}}");
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndLastValueAsInPhp() {
        PhpJson.Document doc = PhpJson.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertThat(PhpJson.encode(doc.value(), PhpJson.Flavour.DECODED_UNESCAPED_UNICODE)).isEqualTo("{\"a\":3,\"b\":2}");
        assertThat(PhpJson.count(doc, "a")).isEqualTo(2);
    }

    @Test
    void aMemberIsCutOutWithoutTouchingAnythingElse() {
        String last = "{\"a\":\"x\\/y\" , \"b\":[1,2],\"sign\":\"abc\"}";
        assertThat(PhpJson.withoutMember(PhpJson.parse(last), "sign")).isEqualTo("{\"a\":\"x\\/y\" , \"b\":[1,2]}");
        String first = "{\"sign\":\"abc\",\"a\":\"é\"}";
        assertThat(PhpJson.withoutMember(PhpJson.parse(first), "sign")).isEqualTo("{\"a\":\"é\"}");
        String middle = "{\"a\":1,\"sign\":\"abc\",\"b\":{\"sign\":\"nested\"}}";
        assertThat(PhpJson.withoutMember(PhpJson.parse(middle), "sign")).isEqualTo("{\"a\":1,\"b\":{\"sign\":\"nested\"}}");
        assertThat(PhpJson.withoutMember(PhpJson.parse("{\"sign\":\"abc\"}"), "sign")).isEqualTo("{}");
    }

    @Test
    void onlyStrictJsonIsRead() {
        for (String bad : List.of("", "{", "{\"a\":}", "{'a':1}", "{\"a\":01}", "{\"a\":1,}", "[1]x", "{\"a\":\"\u0001\"}",
                "{\"a\":tru}", "{\"a\":\"\\x\"}", "[".repeat(100) + "]".repeat(100))) {
            assertThatThrownBy(() -> PhpJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(PhpJson.parse(" {\"a\" : [true, false, null, -1.5e-3, \"\\u00e9\"]} ").value())
                .isEqualTo(Map.of("a", Arrays.asList(true, false, null, new PhpJson.RawNumber("-1.5e-3"), "é")));
    }
}
