package dev.paymux.onchain.bitcoin;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an Esplora transaction the watcher needs: its outputs (address and value in satoshis,
 * in {@code vout} order) and its confirmation status.
 */
record EsploraTx(String txid, List<Output> outputs, Status status) {

    /** One {@code vout} entry; {@code address} is null for outputs without one (e.g. OP_RETURN). */
    record Output(String address, long sats) {
    }

    /** {@code status}: block fields are null while unconfirmed. */
    record Status(boolean confirmed, Long blockHeight, String blockHash, Long blockTime) {

        static Status parse(JsonNode node) {
            if (node == null || !node.isObject() || !node.path("confirmed").isBoolean()) {
                throw new EsploraClient.Malformed("transaction status without 'confirmed'");
            }
            if (!node.path("confirmed").booleanValue()) {
                return new Status(false, null, null, null);
            }
            JsonNode height = node.path("block_height");
            JsonNode hash = node.path("block_hash");
            if (!height.isIntegralNumber() || !hash.isString() || hash.stringValue().isBlank()) {
                throw new EsploraClient.Malformed("confirmed status without block height and hash");
            }
            JsonNode time = node.path("block_time");
            return new Status(true, height.longValue(), hash.stringValue(),
                    time.isIntegralNumber() ? time.longValue() : null);
        }
    }

    static EsploraTx parse(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("txid").isString()
                || !node.path("vout").isArray()) {
            throw new EsploraClient.Malformed("transaction without txid or vout");
        }
        List<Output> outputs = new ArrayList<>();
        for (JsonNode out : node.path("vout")) {
            JsonNode value = out.path("value");
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new EsploraClient.Malformed("output value is not a whole number of satoshis");
            }
            JsonNode address = out.path("scriptpubkey_address");
            outputs.add(new Output(address.isString() ? address.stringValue() : null, value.longValue()));
        }
        return new EsploraTx(node.path("txid").stringValue(), List.copyOf(outputs),
                Status.parse(node.path("status")));
    }

    static List<EsploraTx> parseList(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new EsploraClient.Malformed("expected a JSON array of transactions");
        }
        List<EsploraTx> txs = new ArrayList<>();
        for (JsonNode tx : node) {
            txs.add(parse(tx));
        }
        return txs;
    }
}
