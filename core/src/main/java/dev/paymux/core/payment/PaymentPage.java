package dev.paymux.core.payment;

import java.util.List;

public record PaymentPage(List<Payment> payments, long total) {
}
