package dev.paymux.api.chain;

import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.onchain.bitcoin.BitcoinWatcher;
import dev.paymux.onchain.evm.EthereumWatcher;
import dev.paymux.onchain.evm.EthereumWatcherConfig;
import dev.paymux.onchain.bitcoin.BitcoinWatcherConfig;
import dev.paymux.onchain.tron.TronWatcher;
import dev.paymux.onchain.tron.TronWatcherConfig;
import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One watcher bean per enabled chain; the {@link WatcherFleet} runs them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatcherProperties.class)
class WatcherConfiguration {

    @Bean
    @ConditionalOnProperty(name = "paymux.chains.tron.enabled", havingValue = "true")
    TronWatcher tronWatcher(WatcherProperties properties, ChainCursors cursors, TransferSink sink,
            WatchedAddresses addresses, Clock clock) {
        WatcherProperties.Tron p = properties.tron();
        TronWatcherConfig base = switch (p.network().toLowerCase(Locale.ROOT)) {
            case "mainnet" -> TronWatcherConfig.mainnet(p.apiKey());
            case "nile" -> TronWatcherConfig.nile();
            default -> throw new IllegalStateException("paymux.chains.tron.network must be mainnet or nile");
        };
        TronWatcherConfig config = TronWatcherConfig.of(p.baseUrl() != null ? p.baseUrl() : base.baseUrl(),
                        p.apiKey(), p.usdtContract() != null ? p.usdtContract() : base.usdtContract())
                .withStartTimestamp(p.startTimestamp());
        return new TronWatcher(config, cursors, sink, addresses, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "paymux.chains.bitcoin.enabled", havingValue = "true")
    BitcoinWatcher bitcoinWatcher(WatcherProperties properties, ChainCursors cursors, TransferSink sink,
            WatchedAddresses addresses, Clock clock) {
        WatcherProperties.Bitcoin p = properties.bitcoin();
        BitcoinWatcherConfig config = switch (p.network().toLowerCase(Locale.ROOT)) {
            case "mainnet" -> p.baseUrl() == null ? BitcoinWatcherConfig.mainnet() : BitcoinWatcherConfig.defaults(p.baseUrl());
            case "testnet" -> p.baseUrl() == null ? BitcoinWatcherConfig.testnet() : BitcoinWatcherConfig.defaults(p.baseUrl());
            case "local" -> BitcoinWatcherConfig.local(require(p.baseUrl(), "paymux.chains.bitcoin.base-url"));
            default -> throw new IllegalStateException("paymux.chains.bitcoin.network must be mainnet, testnet or local");
        };
        return new BitcoinWatcher(config, cursors, sink, addresses, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "paymux.chains.ethereum.enabled", havingValue = "true")
    EthereumWatcher ethereumWatcher(WatcherProperties properties, ChainCursors cursors, TransferSink sink,
            WatchedAddresses addresses, Clock clock) {
        WatcherProperties.Ethereum p = properties.ethereum();
        EthereumWatcherConfig config = EthereumWatcherConfig.defaults(require(p.rpcUrl(), "paymux.chains.ethereum.rpc-url"))
                .withStartBlock(p.startBlock());
        if (p.usdtContract() != null) {
            config = config.withUsdtContract(p.usdtContract(), p.usdtDecimals() == null ? 6 : p.usdtDecimals());
        }
        return new EthereumWatcher(config, cursors, p.useFinalizedTag() ? sink : new WithoutFinality(sink), addresses,
                clock);
    }

    static String require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is required");
        }
        return value;
    }
}
