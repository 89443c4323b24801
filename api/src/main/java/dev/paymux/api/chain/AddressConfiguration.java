package dev.paymux.api.chain;

import dev.paymux.core.payment.AddressDerivation;
import dev.paymux.core.payment.DerivedAddresses;
import dev.paymux.core.payment.XpubService;
import dev.paymux.core.tx.Transactions;
import dev.paymux.onchain.address.AddressNetwork;
import dev.paymux.onchain.address.AddressValidator;
import dev.paymux.onchain.address.XpubAddresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Receiving addresses: checksummed validation of imported ones and derivation from stores' extended public
 * keys. {@code paymux.addresses.bitcoin-network} ({@code mainnet}, {@code testnet} or {@code regtest}) says
 * which Bitcoin keys and addresses are accepted.
 */
@Configuration(proxyBeanMethods = false)
public class AddressConfiguration {

    @Bean
    AddressNetwork addressNetwork(@Value("${paymux.addresses.bitcoin-network:mainnet}") String network) {
        return AddressNetwork.parse(network);
    }

    @Bean
    AddressDerivation addressDerivation(AddressNetwork network) {
        return new XpubAddresses(network);
    }

    @Bean
    AddressValidator addressValidator(AddressNetwork network) {
        return new AddressValidator(network);
    }

    @Bean
    XpubService xpubService(DerivedAddresses keys, AddressDerivation derivation, Transactions tx) {
        return new XpubService(keys, derivation, tx);
    }
}
