package dev.paymux.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paymux.testkit.DemoProvider.Flaw;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The kit's checks can fail: each runs against the demo adapter with one thing broken and must throw
 * an assertion error, while the same check passes on the intact adapter.
 */
class KitCatchesBrokenAdaptersTest {

    private static final Consumer<ProviderConformanceKit> IDEMPOTENCY =
            ProviderConformanceKit::createIsIdempotentOnPaymuxsReference;
    private static final Consumer<ProviderConformanceKit> QUOTES =
            ProviderConformanceKit::quotesAnswerWithoutCallingTheProvider;

    @Test
    void theIntactAdapterPassesBothChecks() {
        for (boolean remembers : new boolean[] {false, true}) {
            assertDoesNotThrow(() -> run(new DemoKit(Flaw.NONE, remembers) { }, IDEMPOTENCY));
            assertDoesNotThrow(() -> run(new DemoKit(Flaw.NONE, remembers) { }, QUOTES));
        }
    }

    @Test
    void anAdapterThatDropsTheOrderIdFailsTheIdempotencyCheck() {
        assertFails(new DemoKit(Flaw.NO_ORDER_ID, false) { }, IDEMPOTENCY, "idempotency key");
    }

    @Test
    void anAdapterThatSendsARandomOrderIdFailsTheIdempotencyCheck() {
        assertFails(new DemoKit(Flaw.RANDOM_ORDER_ID, false) { }, IDEMPOTENCY, "both creates of one reference");
    }

    @Test
    void anAdapterThatSendsOneOrderIdForEveryPaymentFailsTheIdempotencyCheck() {
        assertFails(new DemoKit(Flaw.CONSTANT_ORDER_ID, false) { }, IDEMPOTENCY, "another reference");
    }

    @Test
    void anAdapterThatForgetsWhatItCreatedFailsTheIdempotencyCheck() {
        // The provider does not deduplicate and the adapter does not remember: two invoices at the provider.
        assertFails(new DemoKit(Flaw.NONE, false) {
            @Override
            protected CreateIdempotency createIdempotency() {
                return CreateIdempotency.adapterRemembers();
            }
        }, IDEMPOTENCY, "one create request");
    }

    @Test
    void anAdapterWithoutPayMethodsFailsTheQuoteCheck() {
        assertFails(new DemoKit(Flaw.NO_PAY_METHODS, false) { }, QUOTES, "pay methods");
    }

    @Test
    void anAdapterWhoseQuotesHaveNoCostFailsTheQuoteCheck() {
        assertFails(new DemoKit(Flaw.NO_COST, false) { }, QUOTES, "a quote for an intent the provider takes");
    }

    private static void assertFails(ProviderConformanceKit kit, Consumer<ProviderConformanceKit> check, String why) {
        AssertionError failure = assertThrows(AssertionError.class, () -> run(kit, check));
        assertThat(failure.getMessage()).contains(why);
    }

    private static void run(ProviderConformanceKit kit, Consumer<ProviderConformanceKit> check) {
        kit.startWireMock();
        try {
            check.accept(kit);
        } finally {
            kit.stopWireMock();
        }
    }
}
