package dev.paymux.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WalletUrisTest {

    private static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
    private static final String TO = "0x8ba1f109551bD432803012645Ac136ddd64DBA72";
    private final WalletUris uris = new WalletUris(new WalletUris.Evm(1, USDT, 6));

    @Test
    void bitcoinIsBip21WithThePlainAmount() {
        assertThat(uris.forPayment(Asset.BTC, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", new BigDecimal("0.00102500")))
                .isEqualTo("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.001025");
    }

    @Test
    void etherIsEip681WithTheValueInWei() {
        assertThat(uris.forPayment(Asset.ETH, TO, new BigDecimal("0.05000001")))
                .isEqualTo("ethereum:" + TO + "@1?value=50000010000000000");
    }

    @Test
    void anErc20TokenIsATransferCallOnTheTokenContract() {
        assertThat(new WalletUris(new WalletUris.Evm(31337, USDT, 6)).forPayment(Asset.USDT_ERC20, TO,
                new BigDecimal("10.01")))
                .isEqualTo("ethereum:" + USDT + "@31337/transfer?address=" + TO + "&uint256=10010000");
    }

    @Test
    void tronIsTheBareAddress() {
        assertThat(uris.forPayment(Asset.USDT_TRC20, "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8", new BigDecimal("10.01")))
                .isEqualTo("TJRabPrwbZy45sbavfcjinPJC18kjpRTv8");
    }

    @Test
    void anAmountFinerThanTheBaseUnitIsRefusedNotRounded() {
        assertThatThrownBy(() -> uris.forPayment(Asset.USDT_ERC20, TO, new BigDecimal("0.0000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WalletUris.units(new BigDecimal("1E+2"), 6)).isEqualTo("100000000");
    }
}
