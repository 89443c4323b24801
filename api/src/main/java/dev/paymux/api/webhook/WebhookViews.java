package dev.paymux.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.Times;
import dev.paymux.core.store.StoreDirectory.WebhookEndpoint;
import dev.paymux.core.webhook.WebhookDeliveries.Attempt;
import dev.paymux.core.webhook.WebhookDeliveries.DeliveryRecord;
import java.time.Instant;
import java.util.List;

/** What the webhook endpoints answer. Only {@link RotatedSecret} ever carries a secret. */
final class WebhookViews {

    private WebhookViews() {
    }

    /** The states of an event in the outbox, as the API names them. */
    static final List<String> STATES = List.of("pending", "delivered", "failed", "held", "skipped");

    record Endpoint(String url, boolean enabled, @JsonProperty("disabled_reason") String disabledReason,
            @JsonProperty("disabled_at") String disabledAt,
            @JsonProperty("secret_rotation") SecretRotation secretRotation) {

        static Endpoint of(WebhookEndpoint e, Instant now) {
            String reason = e.disabledReason();
            if (e.url() == null) {
                reason = "no webhook URL is set";
            } else if (e.disabled() && reason == null) {
                reason = "disabled";
            }
            return new Endpoint(e.url(), e.url() != null && !e.disabled(), reason, Times.iso(e.disabledAt()),
                    e.inRotationGrace(now) ? new SecretRotation(Times.iso(e.previousSecretValidUntil())) : null);
        }
    }

    /** A rotation's grace period: until then deliveries are signed with both the previous and the new secret. */
    record SecretRotation(@JsonProperty("previous_valid_until") String previousValidUntil) {
    }

    /** The answer to a rotation: the only time the new secret is shown. */
    record RotatedSecret(@JsonProperty("webhook_secret") String webhookSecret,
            @JsonProperty("previous_valid_until") String previousValidUntil) {
        @Override
        public String toString() {
            return "RotatedSecret[webhook_secret=***, previous_valid_until=" + previousValidUntil + "]";
        }
    }

    record EventState(@JsonProperty("event_id") String eventId, String state) {
    }

    /**
     * One event of the delivery log. {@code store_id} only in the operator's view; {@code body} and
     * {@code attempt_log} only when one event is asked for.
     */
    record Delivery(
            @JsonProperty("store_id") @JsonInclude(JsonInclude.Include.NON_NULL) String storeId,
            @JsonProperty("event_id") String eventId, String event,
            @JsonProperty("payment_id") String paymentId, String state,
            @JsonProperty("state_reason") String stateReason, int attempts,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("next_attempt_at") String nextAttemptAt,
            @JsonProperty("delivered_at") String deliveredAt,
            @JsonProperty("last_status_code") Integer lastStatusCode,
            @JsonProperty("last_error") String lastError,
            @JsonInclude(JsonInclude.Include.NON_NULL) String body,
            @JsonProperty("attempt_log") @JsonInclude(JsonInclude.Include.NON_NULL) List<AttemptView> attemptLog) {

        static Delivery summary(DeliveryRecord r) {
            return of(r, false, false);
        }

        static Delivery detail(DeliveryRecord r) {
            return of(r, false, true);
        }

        static Delivery forOperator(DeliveryRecord r) {
            return of(r, true, false);
        }

        private static Delivery of(DeliveryRecord r, boolean withStore, boolean detail) {
            // next_attempt_at means something only while the event still waits to be sent.
            Instant next = "pending".equals(r.state()) ? r.nextAttemptAt() : null;
            return new Delivery(withStore ? r.store().toString() : null, r.id().toString(), r.type(), r.paymentId(),
                    r.state(), r.stateReason(), r.attempts(), Times.iso(r.createdAt()), Times.iso(next),
                    Times.iso(r.deliveredAt()), r.lastStatusCode(), r.lastError(), detail ? r.body() : null,
                    detail ? r.attemptLog().stream().map(AttemptView::of).toList() : null);
        }
    }

    record AttemptView(int attempt, @JsonProperty("started_at") String startedAt,
            @JsonProperty("duration_ms") long durationMs, String url,
            @JsonProperty("status_code") Integer statusCode, String error) {
        static AttemptView of(Attempt a) {
            return new AttemptView(a.attempt(), Times.iso(a.startedAt()), a.durationMs(), a.url(), a.statusCode(),
                    a.error());
        }
    }

    record Page(List<Delivery> deliveries, int page, @JsonProperty("per_page") int perPage, long total,
            @JsonProperty("total_pages") long totalPages) {
    }

    record Enabled(@JsonProperty("store_id") String storeId, @JsonProperty("released_events") int releasedEvents,
            Endpoint endpoint) {
    }
}
