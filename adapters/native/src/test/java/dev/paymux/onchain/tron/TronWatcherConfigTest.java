package dev.paymux.onchain.tron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TronWatcherConfigTest {

    @Test
    void mainnetAndNileDefaults() {
        TronWatcherConfig mainnet = TronWatcherConfig.mainnet("key");
        assertThat(mainnet.baseUrl()).isEqualTo("https://api.trongrid.io");
        assertThat(mainnet.usdtContract()).isEqualTo("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
        assertThat(mainnet.apiKey()).isEqualTo("key");
        assertThat(mainnet.pageLimit()).isEqualTo(200);

        TronWatcherConfig nile = TronWatcherConfig.nile();
        assertThat(nile.baseUrl()).isEqualTo("https://nile.trongrid.io");
        assertThat(nile.usdtContract()).isEqualTo("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf");
        assertThat(nile.apiKey()).isNull();
    }

    @Test
    void normalisesTheUrlAndABlankKeyAndKeepsTheKeyOutOfToString() {
        TronWatcherConfig c = TronWatcherConfig.of("http://localhost:8090/ ", " ", TronWatcherConfig.NILE_USDT);
        assertThat(c.baseUrl()).isEqualTo("http://localhost:8090");
        assertThat(c.apiKey()).isNull();
        assertThat(TronWatcherConfig.mainnet("secret-key").toString()).doesNotContain("secret-key");
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> TronWatcherConfig.of("https://x", null, "not-an-address"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TronWatcherConfig.nile().withPaging(201, 10, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TronWatcherConfig.nile().withPaging(200, 10, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class); // window not longer than the overlap
    }
}
