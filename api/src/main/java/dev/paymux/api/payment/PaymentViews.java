package dev.paymux.api.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.Times;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentKind;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.core.store.Store;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the seed's response shapes from a payment. */
@Component
public class PaymentViews {

    private final String publicUrl;
    private final JsonMapper json;

    private final ProviderPayments providerPayments;

    PaymentViews(@Value("${paymux.public-url}") String publicUrl, JsonMapper json, ProviderPayments providerPayments) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.json = json;
        this.providerPayments = providerPayments;
    }

    /** The create response: "single currency" once the asset is known, "selecting" before. */
    public Object created(Payment payment, Store store) {
        Payment.Snapshot s = payment.snapshot();
        if (s.status() == PaymentStatus.SELECTING) {
            return new Selecting(null, s.status().wire(), s.price().amount(),
                    store.assets().stream().map(Asset::name).toList(), paymentUrl(payment));
        }
        BigDecimal amount = s.amountWithCents() != null ? s.amountWithCents() : s.amountRequested();
        // A fiat method at a provider has no asset: the amount is in the price's currency.
        String currency = s.asset() != null ? s.asset().name() : s.price().currency();
        return new Single(s.id().toString(), Money.displayString(s.asset(), amount), currency,
                s.slot() == null ? null : s.slot().address(), s.status().wire(), Times.iso(s.expiresAt()),
                paymentUrl(payment));
    }

    /** The status response of {@code GET /api/v1/payment/{id}} and of each list item. */
    Status status(Payment payment) {
        Payment.Snapshot s = payment.snapshot();
        Asset asset = s.asset();
        boolean fiat = s.price().kind() == Payment.Price.Kind.FIAT;
        boolean donation = s.kind() == PaymentKind.DONATION;
        return new Status(s.id().toString(), s.orderId(), s.status().wire(),
                Money.display(asset, s.amountRequested()), Money.display(asset, s.amountWithCents()),
                Money.display(asset, s.amountReceived()), asset != null ? asset.name()
                        : s.status() == PaymentStatus.SELECTING ? null : s.price().currency(),
                s.slot() == null ? null : s.slot().address(), s.txHash(), s.confirmations(),
                Times.iso(s.confirmedAt()), Times.iso(s.expiresAt()), Times.iso(s.createdAt()),
                fiat ? s.price().amount().setScale(2) : null, fiat ? s.price().currency() : null,
                s.metadataJson() == null ? null : json.readTree(s.metadataJson()), paymentUrl(payment),
                donation ? Boolean.TRUE : null, donation ? s.donor().name() : null,
                donation ? s.donor().message() : null, s.source().wire());
    }

    /** Where the customer pays: the selection page, the provider's page, or Paymux's checkout page. */
    public String paymentUrl(Payment payment) {
        if (payment.selectionToken() != null && payment.status() == PaymentStatus.SELECTING) {
            return publicUrl + "/pay/select?token=" + payment.selectionToken();
        }
        // A payment held by a provider is paid on the provider's own page.
        return providerPayments.find(payment.id()).map(ProviderPayments.Linked::paymentUrl)
                .orElse(publicUrl + "/pay/" + payment.id());
    }

    record Single(@JsonProperty("payment_id") String paymentId, String amount, String currency,
            @JsonProperty("pay_address") String payAddress, String status,
            @JsonProperty("expires_at") String expiresAt, @JsonProperty("payment_url") String paymentUrl) {
    }

    record Selecting(@JsonProperty("payment_id") String paymentId, String status, BigDecimal amount,
            List<String> currencies, @JsonProperty("payment_url") String paymentUrl) {
    }

    record Status(@JsonProperty("payment_id") String paymentId, @JsonProperty("order_id") String orderId,
            String status, @JsonProperty("amount_requested") BigDecimal amountRequested,
            @JsonProperty("amount_with_cents") BigDecimal amountWithCents,
            @JsonProperty("amount_received") BigDecimal amountReceived, String currency,
            @JsonProperty("pay_address") String payAddress, @JsonProperty("tx_hash") String txHash,
            int confirmations, @JsonProperty("confirmed_at") String confirmedAt,
            @JsonProperty("expires_at") String expiresAt, @JsonProperty("created_at") String createdAt,
            @JsonProperty("fiat_amount") BigDecimal fiatAmount, @JsonProperty("fiat_currency") String fiatCurrency,
            JsonNode metadata, @JsonProperty("payment_url") String paymentUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean donation,
            @JsonProperty("donor_name") @JsonInclude(JsonInclude.Include.NON_NULL) String donorName,
            @JsonProperty("donor_message") @JsonInclude(JsonInclude.Include.NON_NULL) String donorMessage,
            String source) {
    }

    record Page(List<Status> payments, int page, @JsonProperty("per_page") int perPage, long total,
            @JsonProperty("total_pages") long totalPages) {
    }
}
