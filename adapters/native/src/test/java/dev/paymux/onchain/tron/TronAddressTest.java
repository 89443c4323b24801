package dev.paymux.onchain.tron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TronAddressTest {

    @Test
    void convertsBetweenBase58AndTheHexFormsOfTheNodeApi() {
        String usdt = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
        String hex = "a614f803b6fd780986a42c78ec9c7f77e6ded13c";

        assertThat(TronAddress.toHex(usdt)).contains(hex);
        assertThat(TronAddress.fromHex(hex)).isEqualTo(usdt);
        assertThat(TronAddress.fromHex("41" + hex)).isEqualTo(usdt);
        assertThat(TronAddress.fromHex("0x" + hex.toUpperCase())).isEqualTo(usdt);
        assertThat(TronAddress.fromHex("000000000000000000000000" + hex)).isEqualTo(usdt);
        assertThat(TronAddress.toHex(TronWatcherConfig.NILE_USDT)).contains("eca9bc828a3005b9a3b909f2cc5c2a54794de05f");
    }

    @Test
    void rejectsWhatIsNotATronAddress() {
        assertThat(TronAddress.toBytes("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")).isEmpty(); // checksum
        assertThat(TronAddress.toBytes("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")).isEmpty(); // bitcoin
        assertThat(TronAddress.toBytes("0xdAC17F958D2ee523a2206206994597C13D831ec7")).isEmpty();
        assertThat(TronAddress.toBytes("")).isEmpty();
        assertThat(TronAddress.toBytes(null)).isEmpty();
    }
}
