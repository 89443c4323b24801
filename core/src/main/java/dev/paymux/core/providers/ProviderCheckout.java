package dev.paymux.core.providers;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.CreatePayment;
import dev.paymux.core.payment.Locks;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.payment.PaymentException.Reason;
import dev.paymux.core.payment.PaymentService.Created;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.provider.PaymentIntent;
import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.core.provider.ProviderException;
import dev.paymux.core.provider.ProviderPayment;
import dev.paymux.core.store.Store;
import dev.paymux.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates a payment at a third-party provider. The provider call runs under the order-id lock, so a
 * retried create with the same {@code order_id} finds the first payment instead of making a second one
 * at the provider; the provider's own idempotency on Paymux's payment id covers a retry of the call.
 */
public final class ProviderCheckout {

    private final Transactions tx;
    private final Payments payments;
    private final ProviderPayments links;
    private final Locks locks;
    private final Clock clock;
    private final Function<String, String> callbackUrl;
    private final Duration recheck;

    /**
     * @param callbackUrl  the callback URL of a provider instance
     * @param recheck      when the first reconciliation check of a new payment is due
     */
    public ProviderCheckout(Transactions tx, Payments payments, ProviderPayments links, Locks locks, Clock clock,
            Function<String, String> callbackUrl, Duration recheck) {
        this.tx = tx;
        this.payments = payments;
        this.links = links;
        this.locks = locks;
        this.clock = clock;
        this.callbackUrl = callbackUrl;
        this.recheck = recheck;
    }

    public Created create(Store store, CreatePayment cmd, PaymentProvider provider) {
        Instant now = clock.instant();
        Price price = price(store, cmd);
        Asset asset = cmd.asset() != null ? cmd.asset()
                : price.kind() == Price.Kind.ASSET ? Asset.parse(price.currency()).orElse(null) : null;
        return tx.inTransaction(() -> {
            if (cmd.orderId() != null) {
                locks.lockOrder(store.id(), cmd.orderId());
                Optional<Payment> existing = payments.findByOrderId(store.id(), cmd.orderId());
                if (existing.isPresent()) {
                    return new Created(existing.get(), false);
                }
            }
            Payment payment = Payment.atProvider(store.id(), cmd.orderId(), price, cmd.metadataJson(), asset,
                    price.amount(), now, now.plus(store.lifetime()));
            PaymentIntent intent = new PaymentIntent(payment.id().toString(), price.amount(), price.currency(),
                    asset == null ? null : asset.name(), store.lifetime(), callbackUrl.apply(provider.instance()),
                    null, cmd.orderId());
            ProviderPayment created = call(provider, intent);
            payment.handOver(created.payAddress(), created.payAmount() != null ? created.payAmount() : price.amount(),
                    now, created.expiresAt() != null ? created.expiresAt() : now.plus(store.lifetime()));
            payments.insert(payment);
            links.link(payment.id(), created.reference(), created.status().raw(), created.paymentUrl(),
                    now.plus(recheck), now);
            return new Created(payment, true);
        });
    }

    private static ProviderPayment call(PaymentProvider provider, PaymentIntent intent) {
        try {
            return provider.create(intent);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.REJECTED) {
                throw new PaymentException(Reason.INVALID, "the payment provider refused the payment: " + e.getMessage());
            }
            throw new ProviderUnavailableException(provider.instance(), e);
        }
    }

    /** What the merchant asked for: a fiat amount, or an amount in the store's single asset. */
    private static Price price(Store store, CreatePayment cmd) {
        if (cmd.fiatAmount() != null && cmd.fiat() != null) {
            return new Price(cmd.fiatAmount(), cmd.fiat().name(), Price.Kind.FIAT);
        }
        if (cmd.amount() == null) {
            throw new PaymentException(Reason.INVALID, "amount or fiat_amount is required");
        }
        Asset asset = cmd.asset() != null ? cmd.asset() : store.assets().isEmpty() ? null : store.assets().get(0);
        if (asset == null) {
            throw new PaymentException(Reason.UNPROCESSABLE, "the store accepts no currency yet");
        }
        return new Price(cmd.amount(), asset.name(), Price.Kind.ASSET);
    }

    /** The provider could not be reached or its answer could not be read: the merchant may retry. */
    public static final class ProviderUnavailableException extends RuntimeException {
        public ProviderUnavailableException(String instance, ProviderException cause) {
            super("the payment provider is unavailable, please retry later", cause);
        }
    }
}
