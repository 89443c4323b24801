package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import java.math.BigDecimal;
import java.util.List;

/**
 * A visitor's donation, as parsed from {@code POST /donate/create}; validated by {@link PaymentService#donate}.
 * Exactly one of {@code fiatAmount} and {@code amount} is set.
 *
 * @param fiat  the currency of {@code fiatAmount}; null means USD (the seed's default)
 */
public record CreateDonation(Asset asset, BigDecimal amount, BigDecimal fiatAmount, Fiat fiat, Donor donor) {

    /** The seed: "Los visitantes pueden donar en USDT, BTC o ETH". */
    public static final List<Asset> ASSETS = List.of(Asset.USDT_TRC20, Asset.BTC, Asset.ETH);

    public CreateDonation {
        donor = donor == null ? Donor.ANONYMOUS : donor;
    }
}
