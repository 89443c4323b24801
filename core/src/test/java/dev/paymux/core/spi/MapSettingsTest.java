package dev.paymux.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapSettingsTest {

    private static final Map<String, String> FLAT = Map.of(
            "api-key", "k",
            "read-timeout", "3s",
            "methods[0].currency", "RUB",
            "methods[0].min", "100",
            "methods[0].fees.percent", "2.5",
            "methods[1].currency", "KZT",
            "methods[1].available", "false",
            "methods[10].currency", "not an element: index 2 is missing");

    @Test
    void readsFlatKeysListsAndNestedSettings() {
        MapSettings s = new MapSettings("settings", FLAT);
        assertThat(s.required("api-key")).isEqualTo("k");
        assertThat(s.text("base-url")).isEmpty();
        assertThat(s.duration("read-timeout")).contains(Duration.ofSeconds(3));
        List<PayMethod> methods = s.payMethods("methods");
        assertThat(methods).hasSize(2);
        assertThat(methods.get(0).currency()).isEqualTo("RUB");
        assertThat(methods.get(0).min()).isEqualByComparingTo("100");
        assertThat(methods.get(0).fees().percent()).isEqualByComparingTo("2.5");
        assertThat(methods.get(1).available()).isFalse();
        assertThat(s.sub("methods[0]").sub("fees").decimal("percent")).contains(new BigDecimal("2.5"));
        assertThat(s.list("methods").get(0).path()).isEqualTo("settings.methods[0]");
    }

    @Test
    void errorsNameTheSettingNeverItsValue() {
        MapSettings s = new MapSettings("settings", Map.of("read-timeout", "whenever", "fees.percent", "lots",
                "retries", "many"));
        assertThatThrownBy(() -> s.duration("read-timeout")).hasMessage(
                "settings.read-timeout must be a duration such as 10s or 500ms");
        assertThatThrownBy(() -> s.sub("fees").decimal("percent")).hasMessage("settings.fees.percent must be a decimal number");
        assertThatThrownBy(() -> s.integer("retries")).hasMessage("settings.retries must be an integer");
        assertThatThrownBy(() -> s.required("api-key")).hasMessage("settings.api-key is required");
    }

    @Test
    void durationsReadAsSpringBootReadsThem() {
        assertThat(MapSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(MapSettings.parseDuration("250")).isEqualTo(Duration.ofMillis(250));
        assertThat(MapSettings.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(MapSettings.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(MapSettings.parseDuration("PT10S")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void flattensNestedStructures() {
        Map<String, Object> fees = new LinkedHashMap<>();
        fees.put("percent", "2.5");
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("currency", "RUB");
        method.put("fees", fees);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("api-key", "k");
        nested.put("methods", List.of(method));
        nested.put("methods[1].currency", "KZT");
        assertThat(MapSettings.flatten(nested)).containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "k",
                "methods[0].currency", "RUB", "methods[0].fees.percent", "2.5", "methods[1].currency", "KZT"));
        assertThatThrownBy(() -> MapSettings.flatten(Map.of("Api_Key", "k"))).hasMessageContaining("'Api_Key'");
    }
}
