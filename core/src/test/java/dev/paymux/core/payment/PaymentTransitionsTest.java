package dev.paymux.core.payment;

import static dev.paymux.core.payment.PaymentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.Payment.RateSnapshot;
import dev.paymux.core.payment.Payment.Slot;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the declarative transition table against an independent copy of the rules, pair by pair,
 * and checks that the {@link Payment} aggregate obeys it.
 */
class PaymentTransitionsTest {

    /** The rules, written out independently of the production table. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> EXPECTED = new EnumMap<>(PaymentStatus.class);

    static {
        EXPECTED.put(SELECTING, EnumSet.of(PENDING, QUEUED, EXPIRED, FAILED));
        EXPECTED.put(QUEUED, EnumSet.of(PENDING, EXPIRED, FAILED));
        EXPECTED.put(PENDING, EnumSet.of(CONFIRMING, COMPLETED, OVERPAID, UNDERPAID, EXPIRED, FAILED));
        EXPECTED.put(CONFIRMING, EnumSet.of(PENDING, COMPLETED, OVERPAID, UNDERPAID, FAILED, REFUNDED));
        EXPECTED.put(UNDERPAID, EnumSet.of(PENDING, CONFIRMING, COMPLETED, OVERPAID, FAILED, REFUNDED));
        EXPECTED.put(EXPIRED, EnumSet.of(CONFIRMING, COMPLETED, OVERPAID, UNDERPAID));
        EXPECTED.put(COMPLETED, EnumSet.of(REFUNDED));
        EXPECTED.put(OVERPAID, EnumSet.of(REFUNDED));
        EXPECTED.put(FAILED, EnumSet.of(COMPLETED, OVERPAID, UNDERPAID));
        EXPECTED.put(REFUNDED, EnumSet.noneOf(PaymentStatus.class));
    }

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final StoreId STORE = new StoreId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final Price USDT_PRICE = new Price(new BigDecimal("100.00"), "USDT_TRC20", Price.Kind.ASSET);
    private static final Slot SLOT = new Slot(7L, "TXYZaddress", new BigDecimal("100.03"));

    static Stream<Arguments> allPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @Test
    void the_vocabulary_has_exactly_the_ten_unified_statuses() {
        assertThat(Arrays.stream(PaymentStatus.values()).map(PaymentStatus::wire))
                .containsExactlyInAnyOrder("selecting", "pending", "queued", "confirming", "completed", "expired",
                        "overpaid", "underpaid", "failed", "refunded");
        assertThat(EXPECTED).containsOnlyKeys(PaymentStatus.values());
    }

    @Test
    void all_one_hundred_pairs_are_covered() {
        assertThat(allPairs().count()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("allPairs")
    void every_pair_matches_the_rules(PaymentStatus from, PaymentStatus to, boolean allowed) {
        assertThat(PaymentTransitions.isAllowed(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void allowed_from_lists_exactly_the_expected_targets(PaymentStatus from) {
        assertThat(PaymentTransitions.allowedFrom(from)).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from));
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void no_status_transitions_to_itself(PaymentStatus s) {
        assertThat(PaymentTransitions.isAllowed(s, s)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void nothing_ever_goes_back_to_selecting_or_queued(PaymentStatus from) {
        assertThat(PaymentTransitions.isAllowed(from, SELECTING)).isFalse();
        assertThat(PaymentTransitions.isAllowed(from, QUEUED)).isEqualTo(from == SELECTING);
    }

    @Test
    void allowed_from_cannot_be_used_to_change_the_table() {
        Set<PaymentStatus> fromPending = PaymentTransitions.allowedFrom(PENDING);
        assertThatThrownBy(() -> fromPending.add(REFUNDED)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fromPending.remove(COMPLETED)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(PaymentTransitions.isAllowed(PENDING, REFUNDED)).isFalse();
        assertThat(PaymentTransitions.isAllowed(PENDING, COMPLETED)).isTrue();
    }

    @Nested
    class Status {

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void only_pending_and_confirming_hold_an_address_slot(PaymentStatus s) {
            assertThat(s.holdsSlot()).isEqualTo(s == PENDING || s == CONFIRMING);
        }

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void final_means_nothing_but_a_refund_can_follow(PaymentStatus s) {
            boolean expectedFinal = EnumSet.of(COMPLETED, OVERPAID, REFUNDED).contains(s);
            assertThat(s.isFinal()).as("%s.isFinal()", s).isEqualTo(expectedFinal);
        }

        @Test
        void expired_underpaid_and_failed_are_not_final_because_late_money_can_still_arrive() {
            assertThat(EXPIRED.isFinal()).isFalse();
            assertThat(UNDERPAID.isFinal()).isFalse();
            assertThat(FAILED.isFinal()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void wire_is_the_lower_case_name_and_parses_back(PaymentStatus s) {
            assertThat(s.wire()).isEqualTo(s.name().toLowerCase(Locale.ROOT));
            assertThat(PaymentStatus.parse(s.wire())).contains(s);
            assertThat(PaymentStatus.parse(s.name())).contains(s);
            assertThat(PaymentStatus.parse("  " + s.wire() + "\t")).contains(s);
        }

        @Test
        void parse_is_case_insensitive() {
            assertThat(PaymentStatus.parse("Pending")).contains(PENDING);
            assertThat(PaymentStatus.parse("CONFIRMING")).contains(CONFIRMING);
            assertThat(PaymentStatus.parse("ReFuNdEd")).contains(REFUNDED);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "paid", "cancel", "pending1", "pend", "wrong_amount", "check", "process"})
        void parse_of_an_unknown_status_is_empty(String text) {
            assertThat(PaymentStatus.parse(text)).isEmpty();
        }

        @Test
        void wire_and_parse_do_not_depend_on_the_default_locale() {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(new Locale("tr", "TR"));
                assertThat(FAILED.wire()).isEqualTo("failed");
                assertThat(EXPIRED.wire()).isEqualTo("expired");
                assertThat(CONFIRMING.wire()).isEqualTo("confirming");
                assertThat(PaymentStatus.parse("FAILED")).contains(FAILED);
                assertThat(PaymentStatus.parse("SELECTING")).contains(SELECTING);
            } finally {
                Locale.setDefault(saved);
            }
        }
    }

    @Nested
    class Aggregate {

        private Payment queued() {
            return Payment.inAsset(STORE, "order-1", USDT_PRICE, "{}", Asset.USDT_TRC20, new BigDecimal("100.00"),
                    null, T0, T0.plusSeconds(900));
        }

        private Payment selecting() {
            return Payment.selecting(STORE, "order-2", new Price(new BigDecimal("5000"), "RUB", Price.Kind.FIAT),
                    null, "tok-123", T0, T0.plusSeconds(3600));
        }

        private Payment restored(PaymentStatus status) {
            return Payment.restore(new Payment.Snapshot(PaymentId.random(), STORE, "order-3", status, USDT_PRICE, null,
                    T0, null, Asset.USDT_TRC20, new BigDecimal("100.00"), new BigDecimal("100.03"), SLOT,
                    BigDecimal.ZERO, null, 0, null, T0.plusSeconds(900), null, 3L));
        }

        @Test
        void in_asset_starts_queued_with_a_created_event() {
            Payment p = queued();

            assertThat(p.status()).isEqualTo(QUEUED);
            assertThat(p.pendingEvents()).containsExactly(
                    new PaymentStatusChanged(p.id(), STORE, null, QUEUED, "created", T0));
        }

        @Test
        void assign_moves_queued_to_pending_and_records_the_change() {
            Payment p = queued();
            Instant pendingExpiry = T1.plusSeconds(1800);

            p.assign(SLOT, T1, pendingExpiry);

            assertThat(p.status()).isEqualTo(PENDING);
            assertThat(p.expiresAt()).isEqualTo(pendingExpiry);
            assertThat(p.snapshot().slot()).isEqualTo(SLOT);
            assertThat(p.snapshot().amountWithCents()).isEqualByComparingTo("100.03");
            assertThat(p.pendingEvents()).hasSize(2);
            PaymentStatusChanged e = p.pendingEvents().get(1);
            assertThat(e.paymentId()).isEqualTo(p.id());
            assertThat(e.storeId()).isEqualTo(STORE);
            assertThat(e.from()).isEqualTo(QUEUED);
            assertThat(e.to()).isEqualTo(PENDING);
            assertThat(e.at()).isEqualTo(T1);
            assertThat(e.reason()).isNotBlank();
        }

        @Test
        void expire_moves_pending_to_expired_and_records_the_change() {
            Payment p = queued();
            p.assign(SLOT, T1, T1.plusSeconds(1800));

            p.expire(T2);

            assertThat(p.status()).isEqualTo(EXPIRED);
            assertThat(p.pendingEvents()).extracting(PaymentStatusChanged::from, PaymentStatusChanged::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(null, QUEUED),
                            org.assertj.core.groups.Tuple.tuple(QUEUED, PENDING),
                            org.assertj.core.groups.Tuple.tuple(PENDING, EXPIRED));
            assertThat(p.pendingEvents().get(2).at()).isEqualTo(T2);
        }

        @Test
        void a_queued_payment_may_expire_without_ever_getting_a_slot() {
            Payment p = queued();

            p.expire(T1);

            assertThat(p.status()).isEqualTo(EXPIRED);
            assertThat(p.pendingEvents()).last().extracting(PaymentStatusChanged::from, PaymentStatusChanged::to)
                    .containsExactly(QUEUED, EXPIRED);
        }

        @Test
        void assigning_twice_is_rejected_and_changes_nothing() {
            Payment p = queued();
            p.assign(SLOT, T1, T1.plusSeconds(1800));
            Payment.Snapshot before = p.snapshot();
            List<PaymentStatusChanged> eventsBefore = p.pendingEvents();

            assertThatThrownBy(() -> p.assign(new Slot(8L, "other", new BigDecimal("100.04")), T2, T2.plusSeconds(1800)))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("pending");

            assertThat(p.snapshot()).isEqualTo(before);
            assertThat(p.pendingEvents()).isEqualTo(eventsBefore);
        }

        @Test
        void an_expired_payment_cannot_get_a_slot_or_expire_again() {
            Payment p = queued();
            p.expire(T1);
            Payment.Snapshot before = p.snapshot();

            assertThatThrownBy(() -> p.assign(SLOT, T2, T2.plusSeconds(1800)))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("expired").hasMessageContaining("pending")
                    .hasMessageContaining(p.id().toString());
            assertThatThrownBy(() -> p.expire(T2)).isInstanceOf(IllegalTransitionException.class);

            assertThat(p.status()).isEqualTo(EXPIRED);
            assertThat(p.snapshot()).isEqualTo(before);
            assertThat(p.pendingEvents()).hasSize(2);
        }

        @Test
        void illegal_transition_exception_is_an_illegal_state_exception() {
            assertThat(new IllegalTransitionException(PaymentId.random(), FAILED, PENDING))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("from failed to pending");
        }

        @Test
        void selecting_starts_selecting_with_a_created_event() {
            Payment p = selecting();

            assertThat(p.status()).isEqualTo(SELECTING);
            assertThat(p.selectionToken()).isEqualTo("tok-123");
            assertThat(p.asset()).isNull();
            assertThat(p.pendingEvents()).containsExactly(
                    new PaymentStatusChanged(p.id(), STORE, null, SELECTING, "created", T0));
        }

        @Test
        void choose_moves_selecting_to_queued_with_the_asset_and_records_the_change() {
            Payment p = selecting();
            RateSnapshot rate = new RateSnapshot("RUB", new BigDecimal("90.5"), "fixed", T0);

            p.choose(Asset.USDT_ERC20, new BigDecimal("55.25"), rate, T1, T1.plusSeconds(600));

            assertThat(p.status()).isEqualTo(QUEUED);
            assertThat(p.asset()).isEqualTo(Asset.USDT_ERC20);
            assertThat(p.amountRequested()).isEqualByComparingTo("55.25");
            assertThat(p.snapshot().rate()).isEqualTo(rate);
            assertThat(p.expiresAt()).isEqualTo(T1.plusSeconds(600));
            assertThat(p.pendingEvents()).hasSize(2);
            assertThat(p.pendingEvents().get(1)).satisfies(e -> {
                assertThat(e.from()).isEqualTo(SELECTING);
                assertThat(e.to()).isEqualTo(QUEUED);
                assertThat(e.at()).isEqualTo(T1);
                assertThat(e.reason()).contains("USDT_ERC20");
            });
        }

        @Test
        void choosing_twice_is_rejected_and_keeps_the_first_choice() {
            Payment p = selecting();
            p.choose(Asset.USDT_TRC20, new BigDecimal("55.25"), null, T1, T1.plusSeconds(600));
            Payment.Snapshot before = p.snapshot();

            assertThatThrownBy(() -> p.choose(Asset.BTC, new BigDecimal("0.001"), null, T2, T2.plusSeconds(600)))
                    .isInstanceOf(IllegalTransitionException.class);

            assertThat(p.snapshot()).isEqualTo(before);
            assertThat(p.asset()).isEqualTo(Asset.USDT_TRC20);
            assertThat(p.pendingEvents()).hasSize(2);
        }

        @Test
        void full_selecting_life_cycle() {
            Payment p = selecting();
            p.choose(Asset.BTC, new BigDecimal("0.00091234"), null, T1, T1.plusSeconds(600));
            p.assign(new Slot(1L, "bc1qaddr", new BigDecimal("0.00091234")), T1, T1.plusSeconds(1800));
            p.expire(T2);

            assertThat(p.pendingEvents()).extracting(PaymentStatusChanged::to)
                    .containsExactly(SELECTING, QUEUED, PENDING, EXPIRED);
            assertThat(p.pendingEvents()).allSatisfy(e -> assertThat(e.paymentId()).isEqualTo(p.id()));
        }

        @Test
        void a_selecting_payment_may_expire() {
            Payment p = selecting();
            p.expire(T2);
            assertThat(p.status()).isEqualTo(EXPIRED);
        }

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void assign_from_any_status_follows_the_table(PaymentStatus from) {
            Payment p = restored(from);
            assertThat(p.pendingEvents()).as("restore records no events").isEmpty();
            Slot other = new Slot(9L, "addr-9", new BigDecimal("100.09"));

            if (EXPECTED.get(from).contains(PENDING)) {
                p.assign(other, T1, T2);
                assertThat(p.status()).isEqualTo(PENDING);
                assertThat(p.pendingEvents()).singleElement()
                        .satisfies(e -> assertThat(List.of(e.from(), e.to())).containsExactly(from, PENDING));
            } else {
                Payment.Snapshot before = p.snapshot();
                assertThatThrownBy(() -> p.assign(other, T1, T2)).isInstanceOf(IllegalTransitionException.class);
                assertThat(p.snapshot()).isEqualTo(before);
                assertThat(p.pendingEvents()).isEmpty();
            }
        }

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void expire_from_any_status_follows_the_table(PaymentStatus from) {
            Payment p = restored(from);

            if (EXPECTED.get(from).contains(EXPIRED)) {
                p.expire(T1);
                assertThat(p.status()).isEqualTo(EXPIRED);
                assertThat(p.pendingEvents()).singleElement()
                        .satisfies(e -> assertThat(List.of(e.from(), e.to())).containsExactly(from, EXPIRED));
            } else {
                Payment.Snapshot before = p.snapshot();
                assertThatThrownBy(() -> p.expire(T1)).isInstanceOf(IllegalTransitionException.class);
                assertThat(p.snapshot()).isEqualTo(before);
                assertThat(p.pendingEvents()).isEmpty();
            }
        }

        @ParameterizedTest
        @EnumSource(PaymentStatus.class)
        void choose_is_only_possible_while_selecting(PaymentStatus from) {
            Payment p = restored(from);

            if (from == SELECTING) {
                p.choose(Asset.ETH, new BigDecimal("0.05"), null, T1, T2);
                assertThat(p.status()).isEqualTo(QUEUED);
                assertThat(p.pendingEvents()).singleElement()
                        .satisfies(e -> assertThat(List.of(e.from(), e.to())).containsExactly(SELECTING, QUEUED));
            } else {
                Payment.Snapshot before = p.snapshot();
                assertThatThrownBy(() -> p.choose(Asset.ETH, new BigDecimal("0.05"), null, T1, T2))
                        .isInstanceOf(IllegalTransitionException.class);
                assertThat(p.snapshot()).isEqualTo(before);
                assertThat(p.pendingEvents()).isEmpty();
            }
        }

        @Test
        void restore_keeps_every_stored_field() {
            Payment.Snapshot s = new Payment.Snapshot(PaymentId.random(), STORE, "o", CONFIRMING, USDT_PRICE, "{\"a\":1}",
                    T0, "tok", Asset.USDT_TRC20, new BigDecimal("100.00"), new BigDecimal("100.03"), SLOT,
                    new BigDecimal("100.03"), "0xabc", 2, T1, T2,
                    new RateSnapshot("USD", BigDecimal.ONE, "fixed", T0), 5L);
            assertThat(Payment.restore(s).snapshot()).isEqualTo(s);
            assertThat(Payment.restore(s).version()).isEqualTo(5L);
        }

        @Test
        void events_are_a_copy_and_can_be_cleared() {
            Payment p = queued();
            List<PaymentStatusChanged> events = p.pendingEvents();
            assertThatThrownBy(() -> events.add(null)).isInstanceOf(UnsupportedOperationException.class);

            p.clearEvents();
            assertThat(p.pendingEvents()).isEmpty();
            assertThat(events).hasSize(1);

            p.assign(SLOT, T1, T2);
            assertThat(p.pendingEvents()).extracting(PaymentStatusChanged::to).containsExactly(PENDING);
        }
    }

    @Test
    void expected_table_sanity_only_refunded_is_a_dead_end_and_money_received_never_fails() {
        Set<PaymentStatus> deadEnds = EXPECTED.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(deadEnds).containsExactly(REFUNDED);
        assertThat(Arrays.stream(PaymentStatus.values()).filter(s -> PaymentTransitions.allowedFrom(s).isEmpty()))
                .containsExactly(REFUNDED);
        for (PaymentStatus paid : List.of(COMPLETED, OVERPAID)) {
            assertThat(PaymentTransitions.isAllowed(paid, FAILED)).isFalse();
        }
    }
}
