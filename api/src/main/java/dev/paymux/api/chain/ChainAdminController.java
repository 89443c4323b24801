package dev.paymux.api.chain;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.ChainWatcher;
import dev.paymux.core.settlement.ObservedTransfers;
import dev.paymux.core.settlement.TransferRecord;
import dev.paymux.core.settlement.TransferRecord.Match;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the watchers saw: unmatched and late transfers, and how far each watcher got. */
@RestController
@Tag(name = "Admin: chains", description = "Chain watchers and observed transfers (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class ChainAdminController {

    private final ObservedTransfers transfers;
    private final ChainCursors cursors;
    private final List<ChainWatcher> watchers;
    private final WatcherFleet fleet;

    ChainAdminController(ObservedTransfers transfers, ChainCursors cursors, List<ChainWatcher> watchers, WatcherFleet fleet) {
        this.transfers = transfers;
        this.cursors = cursors;
        this.watchers = watchers;
        this.fleet = fleet;
    }

    record TransferView(String chain, @JsonProperty("tx_hash") String txHash, int index, String asset,
            @JsonProperty("to_address") String toAddress, String amount, @JsonProperty("block_height") Long blockHeight,
            int confirmations, boolean finalized, boolean dropped, String match,
            @JsonProperty("payment_id") String paymentId, @JsonProperty("store_id") String storeId) {
        static TransferView of(TransferRecord r) {
            return new TransferView(r.key().chain().name(), r.key().txHash(), r.key().index(), r.asset().name(),
                    r.toAddress(), r.amount().toPlainString(), r.blockHeight(), r.confirmations(), r.finalized(),
                    r.dropped(), r.match().name().toLowerCase(Locale.ROOT),
                    r.paymentId() == null ? null : r.paymentId().toString(),
                    r.storeId() == null ? null : r.storeId().toString());
        }
    }

    record WatcherView(String name, String chain, boolean leading, @JsonProperty("cursor_height") Long height,
            @JsonProperty("cursor_hash") String hash, @JsonProperty("cursor_updated_at") String updatedAt, long polls,
            @JsonProperty("last_error") String lastError) {
    }

    @GetMapping("/admin/v1/chain/transfers")
    @Operation(summary = "Observed transfers by match", description = "match = unmatched (default: transfers to a store's "
            + "address that no payment took, e.g. after the late window), late, or payment. Newest first.")
    ApiResponse<List<TransferView>> transfers(@RequestParam(name = "match", defaultValue = "unmatched") String match,
            @RequestParam(name = "limit", defaultValue = "100") String limit) {
        Match m;
        try {
            m = Match.valueOf(match.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("match must be one of unmatched, late, payment");
        }
        int n = limit.matches("\\d{1,4}") ? Integer.parseInt(limit) : -1;
        if (n < 1 || n > 1000) {
            throw badRequest("limit must be an integer from 1 to 1000");
        }
        return ApiResponse.ok(transfers.recent(m, n).stream().map(TransferView::of).toList());
    }

    @GetMapping("/admin/v1/chain/watchers")
    @Operation(summary = "Each configured watcher: whether this instance runs it, its cursor, its last error")
    ApiResponse<List<WatcherView>> watchers() {
        return ApiResponse.ok(watchers.stream().map(w -> {
            var cursor = cursors.load(w.name());
            var runner = fleet.runners().get(w.name());
            return new WatcherView(w.name(), w.chain().name(), fleet.isLeading(w.name()),
                    cursor.map(c -> c.height()).orElse(null), cursor.map(c -> c.hash()).orElse(null),
                    cursor.map(c -> String.valueOf(c.updatedAt())).orElse(null), runner == null ? 0 : runner.polls(),
                    runner == null ? null : runner.lastError());
        }).toList());
    }
}
