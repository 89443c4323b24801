package dev.paymux.core.payment;

import static dev.paymux.core.payment.PaymentException.Reason.CONFLICT;
import static dev.paymux.core.payment.PaymentException.Reason.INVALID;
import static dev.paymux.core.payment.PaymentException.Reason.NOT_FOUND;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.DerivedAddresses.StoreXpub;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of derived addresses: setting, replacing and removing a store's extended public
 * key per asset. A key is checked completely before anything is written.
 */
public final class XpubService {

    private final DerivedAddresses keys;
    private final AddressDerivation derivation;
    private final Transactions tx;

    public XpubService(DerivedAddresses keys, AddressDerivation derivation, Transactions tx) {
        this.keys = keys;
        this.derivation = derivation;
        this.tx = tx;
    }

    /**
     * Whether payments in the asset may get derived addresses. TRON USDT may not: a new TRON address
     * must be activated (it costs TRX) and swept on its own, so it keeps the pool and unique amounts.
     */
    public static boolean derivable(Asset asset) {
        return asset != Asset.USDT_TRC20;
    }

    /** A store's key as the operator sees it, with the first address to compare with the wallet. */
    public record Configured(Asset asset, String xpub, int nextIndex, String firstAddress) {
    }

    /** Sets or replaces the store's key for the asset, after checking it. */
    public Configured set(StoreId store, Asset asset, String xpub) {
        if (!derivable(asset)) {
            throw new PaymentException(INVALID, asset.name() + " cannot use an extended public key: every new TRON "
                    + "address must be activated (it costs TRX) and swept on its own, so " + asset.name()
                    + " is paid to the imported address pool with unique amounts");
        }
        if (xpub == null || xpub.isBlank()) {
            throw new PaymentException(INVALID, "xpub is required");
        }
        String key = xpub.trim();
        String first;
        try {
            derivation.validateXpub(asset, key);
            first = derivation.derive(asset, key, 0);
        } catch (InvalidExtendedKeyException e) {
            throw new PaymentException(INVALID, e.getMessage());
        }
        StoreXpub saved = tx.inTransaction(() -> {
            if (!keys.put(store, asset, key, firstUnused(store, asset, key))) {
                throw new PaymentException(CONFLICT, "this extended public key is already set for another store or "
                        + "asset: its addresses would serve two payments. Use another account of the wallet");
            }
            return keys.find(store, asset).orElseThrow();
        });
        return new Configured(asset, saved.xpub(), saved.nextIndex(), first);
    }

    /**
     * The first index whose address the store does not have yet. A key hands out its indexes in order, so
     * when the same key comes back (removed and set again) the addresses it already gave are a prefix
     * 0..n-1: a binary search finds n with a few derivations.
     */
    private int firstUnused(StoreId store, Asset asset, String key) {
        int hi = keys.maxDerivationIndex(store, asset) + 1;
        if (hi == 0 || !keys.isKnown(store, asset, derivation.derive(asset, key, 0))) {
            return 0;
        }
        int lo = 0; // known
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (keys.isKnown(store, asset, derivation.derive(asset, key, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Removes the store's key; its payments in the asset go back to the address pool. */
    public void remove(StoreId store, Asset asset) {
        if (!tx.inTransaction(() -> keys.remove(store, asset))) {
            throw new PaymentException(NOT_FOUND, "the store has no extended public key for " + asset.name());
        }
    }

    public Optional<Configured> find(StoreId store, Asset asset) {
        return keys.find(store, asset).map(this::configured);
    }

    public List<Configured> list(StoreId store) {
        return keys.list(store).stream().map(this::configured).toList();
    }

    /** A stored key this deployment can no longer use (say, after a network change) shows no first address. */
    private Configured configured(StoreXpub k) {
        String first;
        try {
            first = derivation.derive(k.asset(), k.xpub(), 0);
        } catch (InvalidExtendedKeyException e) {
            first = null;
        }
        return new Configured(k.asset(), k.xpub(), k.nextIndex(), first);
    }
}
