package dev.paymux.api.payment;

import dev.paymux.core.payment.AddressDerivation;
import dev.paymux.core.payment.AddressSlots;
import dev.paymux.core.payment.DerivedAddresses;
import dev.paymux.core.payment.DonationPolicy;
import dev.paymux.core.payment.Locks;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.payment.SlotPolicy;
import dev.paymux.core.rates.RateProvider;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    PaymentService paymentService(Payments payments, Stores stores, AddressSlots slots, Locks locks, Transactions tx,
            RateProvider rates, Clock clock, @Value("${paymux.slots.max-offsets:99}") int maxOffsets,
            @Value("${paymux.donations.max-open-per-store:20}") int maxOpenDonations,
            DerivedAddresses derived, AddressDerivation derivation) {
        return new PaymentService(payments, stores, slots, locks, tx, rates, clock, new SlotPolicy(maxOffsets),
                new DonationPolicy(maxOpenDonations), derived, derivation);
    }
}
