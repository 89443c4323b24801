package dev.paymux.onchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.onchain.evm.EvmTransfers.Block;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;

class EvmTransfersTest {

    private static final String CONTRACT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
    private static final String WATCHED = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final Block BLOCK = new Block(7, "0x" + "11".repeat(32), "0x" + "22".repeat(32),
            Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void baseUnitsBecomeWholeUnitsWithoutTrailingZerosOrNegativeScale() {
        assertThat(EvmTransfers.units(BigInteger.valueOf(1_500_000), 6)).isEqualTo(new BigDecimal("1.5"));
        assertThat(EvmTransfers.units(BigInteger.TEN.pow(18), 18)).isEqualTo(new BigDecimal("1"));
        assertThat(EvmTransfers.units(BigInteger.ONE, 18).toPlainString()).isEqualTo("0.000000000000000001");
        assertThat(EvmTransfers.units(BigInteger.TEN.pow(24), 18)).isEqualTo(new BigDecimal("1000000"))
                .extracting(BigDecimal::scale).isEqualTo(0);
    }

    @Test
    void transferLogToWatchedAddressKeepsTheWatchedSpelling() {
        Map<String, String> watched = EvmTransfers.byLowerCase(Set.of(WATCHED));

        Optional<ChainTransfer> transfer = EvmTransfers.tokenTransfer(log(WATCHED.toLowerCase(), 2_000_000, false),
                CONTRACT, 6, watched, BLOCK);

        assertThat(transfer).get().satisfies(t -> {
            assertThat(t.toAddress()).isEqualTo(WATCHED);
            assertThat(t.amount()).isEqualTo(new BigDecimal("2"));
            assertThat(t.key().index()).isEqualTo(3);
            assertThat(t.blockHeight()).isEqualTo(7);
        });
    }

    @Test
    void removedOrForeignOrZeroLogsAreIgnored() {
        Map<String, String> watched = EvmTransfers.byLowerCase(Set.of(WATCHED));

        assertThat(EvmTransfers.tokenTransfer(log(WATCHED, 1, true), CONTRACT, 6, watched, BLOCK)).isEmpty();
        assertThat(EvmTransfers.tokenTransfer(log(WATCHED, 0, false), CONTRACT, 6, watched, BLOCK)).isEmpty();
        assertThat(EvmTransfers.tokenTransfer(log("0x" + "33".repeat(20), 1, false), CONTRACT, 6, watched, BLOCK))
                .isEmpty();
        assertThat(EvmTransfers.tokenTransfer(log(WATCHED, 1, false), "0x" + "44".repeat(20), 6, watched, BLOCK))
                .isEmpty();
    }

    private static Log log(String to, long value, boolean removed) {
        String data = String.format("0x%064x", value);
        return new Log(removed, "0x3", "0x0", "0x" + "aa".repeat(32), BLOCK.hash(), "0x7", CONTRACT.toLowerCase(),
                data, null, List.of(EvmTransfers.TRANSFER_TOPIC, EvmTransfers.addressTopic("0x" + "55".repeat(20)),
                        EvmTransfers.addressTopic(to.toLowerCase())));
    }
}
