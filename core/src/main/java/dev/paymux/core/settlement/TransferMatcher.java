package dev.paymux.core.settlement;

import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.settlement.TransferRecord.Match;
import java.time.Instant;
import java.util.List;

/**
 * Finds the payment a new transfer pays. On a pool address several open payments wait, each for its
 * own unique amount, so the amount decides; a lone open payment on the address (always the case for
 * a derived address) takes any amount, which makes it over- or underpaid. Expired payments inside the
 * monitoring window come last and mark the transfer late. Anything else is unmatched.
 */
final class TransferMatcher {

    private final Payments payments;
    private final SettlementPolicy policy;

    TransferMatcher(Payments payments, SettlementPolicy policy) {
        this.payments = payments;
        this.policy = policy;
    }

    record Result(Payment payment, Match match) {
    }

    Result match(ChainTransfer t, Instant now) {
        Instant seenAt = t.inMempool() ? now : t.blockTime();
        List<Payment> candidates = payments.lockReceiving(t.asset(), t.toAddress(), seenAt.minus(policy.lateWindow()));
        List<Payment> open = candidates.stream().filter(p -> p.status() != PaymentStatus.EXPIRED).toList();
        List<Payment> expired = candidates.stream().filter(p -> p.status() == PaymentStatus.EXPIRED).toList();
        for (Payment p : open) {
            if (p.amountWithCents() != null && p.amountWithCents().compareTo(t.amount()) == 0) {
                return new Result(p, Match.PAYMENT);
            }
        }
        if (open.size() == 1) {
            return new Result(open.get(0), Match.PAYMENT);
        }
        if (!open.isEmpty()) {
            return new Result(null, Match.UNMATCHED);
        }
        for (Payment p : expired) {
            if (p.amountWithCents() != null && p.amountWithCents().compareTo(t.amount()) == 0) {
                return new Result(p, Match.LATE);
            }
        }
        return expired.size() == 1 ? new Result(expired.get(0), Match.LATE) : new Result(null, Match.UNMATCHED);
    }
}
