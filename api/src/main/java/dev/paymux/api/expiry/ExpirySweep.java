package dev.paymux.api.expiry;

import dev.paymux.core.payment.PaymentService;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.core.GenericHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

@Component
class ExpirySweep implements GenericHandler<Instant> {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final PaymentService payments;

    ExpirySweep(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public Object handle(Instant tick, MessageHeaders headers) {
        int expired = payments.expireDue();
        if (expired > 0) {
            log.info("Expired {} payment(s)", expired);
        }
        return null;
    }
}
