package dev.paymux.api.checkout;

import dev.paymux.api.chain.WatcherProperties;
import dev.paymux.core.checkout.WalletUris;
import dev.paymux.onchain.evm.EthereumWatcherConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CheckoutConfiguration {

    @Bean
    WalletUris walletUris(WatcherProperties chains, @Value("${paymux.chains.ethereum.chain-id:1}") long chainId) {
        WatcherProperties.Ethereum eth = chains.ethereum();
        return new WalletUris(new WalletUris.Evm(chainId,
                eth.usdtContract() != null ? eth.usdtContract() : EthereumWatcherConfig.MAINNET_USDT,
                eth.usdtDecimals() != null ? eth.usdtDecimals() : 6));
    }
}
