package dev.paymux.onchain.bitcoin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the watcher keeps in {@link dev.paymux.core.chain.Cursor#position()}, as compact JSON: the sweep in
 * progress over the sorted addresses and the mempool transfers reported but not yet confirmed.
 *
 * <p>A sweep reads every address's history down to the cursor height; when it has visited all of them,
 * the cursor height moves up to {@link #sweepSafe}, the safe height (tip - reorg depth) taken when the
 * sweep started. Addresses are visited in order, so one added mid-sweep is simply read next sweep.
 */
final class SweepState {

    /** A mempool transaction paying {@code address} in outputs {@code vouts}, first seen at {@code firstSeen}. */
    record Pending(String address, String txid, List<Integer> vouts, Instant firstSeen) {
        Pending {
            vouts = List.copyOf(vouts);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Height the cursor takes when this sweep completes; null before the sweep started. */
    Long sweepSafe;
    /** Hash of the block at {@link #sweepSafe}, stored in the cursor with it. */
    String sweepSafeHash;
    /** Last address finished in this sweep (addresses are visited in ascending order); null at the start. */
    String after;
    /** Address whose confirmed history is being paged across polls, and the last txid seen there. */
    String pagingAddress;
    String pagingLastSeen;
    /** Tip hash at the last orphan check: unchanged tip, no reorg, no need to check again. */
    String checkedTip;
    final List<Pending> pending = new ArrayList<>();

    static SweepState parse(String position) {
        SweepState s = new SweepState();
        if (position == null || position.isBlank()) {
            return s;
        }
        JsonNode root;
        try {
            root = JSON.readTree(position);
        } catch (JacksonException e) {
            throw new IllegalStateException("unreadable bitcoin cursor position: " + position, e);
        }
        s.sweepSafe = root.path("safe").isIntegralNumber() ? root.path("safe").longValue() : null;
        s.sweepSafeHash = string(root, "safeHash");
        s.after = string(root, "after");
        s.pagingAddress = string(root, "addr");
        s.pagingLastSeen = string(root, "lastSeen");
        s.checkedTip = string(root, "tip");
        for (JsonNode p : root.path("pending")) {
            List<Integer> vouts = new ArrayList<>();
            for (JsonNode v : p.path("v")) {
                vouts.add(v.intValue());
            }
            s.pending.add(new Pending(Objects.requireNonNull(string(p, "a")), Objects.requireNonNull(string(p, "t")),
                    vouts, Instant.ofEpochSecond(p.path("s").longValue())));
        }
        return s;
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        if (sweepSafe != null) {
            root.put("safe", sweepSafe);
        }
        putIfSet(root, "safeHash", sweepSafeHash);
        putIfSet(root, "after", after);
        putIfSet(root, "addr", pagingAddress);
        putIfSet(root, "lastSeen", pagingLastSeen);
        putIfSet(root, "tip", checkedTip);
        ArrayNode list = root.putArray("pending");
        for (Pending p : pending) {
            ObjectNode n = list.addObject();
            n.put("a", p.address());
            n.put("t", p.txid());
            ArrayNode v = n.putArray("v");
            p.vouts().forEach(v::add);
            n.put("s", p.firstSeen().getEpochSecond());
        }
        return JSON.writeValueAsString(root);
    }

    /** Starts the next sweep from the first address; pending transfers and the checked tip carry over. */
    void restartSweep() {
        sweepSafe = null;
        sweepSafeHash = null;
        after = null;
        pagingAddress = null;
        pagingLastSeen = null;
    }

    Pending pending(String address, String txid) {
        for (Pending p : pending) {
            if (p.address().equals(address) && p.txid().equals(txid)) {
                return p;
            }
        }
        return null;
    }

    void removePending(String address, String txid) {
        pending.removeIf(p -> p.address().equals(address) && p.txid().equals(txid));
    }

    private static String string(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() ? v.stringValue() : null;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
