package dev.paymux.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.SegwitAddress;
import tools.jackson.databind.JsonNode;

/** The operator's admin API, for setting up test stores. */
public record Admin(Http http, String token) {

    public Http.Response send(String method, String path, String body) {
        return http.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token));
    }

    public Merchant createStore(List<String> assets, int addressesPerAsset, Clock clock) {
        String assetJson = String.join(",", assets.stream().map(a -> "\"" + a + "\"").toList());
        Http.Response created = send("POST", "/admin/v1/stores",
                "{\"name\":\"Test store " + UUID.randomUUID() + "\",\"assets\":[" + assetJson + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode d = created.data();
        String storeId = d.get("store_id").asString();
        for (String asset : assets) {
            if (addressesPerAsset > 0) {
                importAddresses(storeId, asset, addresses(asset, addressesPerAsset));
            }
        }
        return new Merchant(http, storeId, d.get("api_key").asString(), d.get("api_secret").asString(), clock);
    }

    /** A store with one asset and pool address whose webhooks go to {@code webhookUrl}. */
    public WebhookStore createStoreWithWebhook(String webhookUrl, Clock clock) {
        Http.Response created = send("POST", "/admin/v1/stores", "{\"name\":\"Hook store " + UUID.randomUUID()
                + "\",\"assets\":[\"USDT_TRC20\"],\"webhook_url\":\"" + webhookUrl + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode d = created.data();
        String storeId = d.get("store_id").asString();
        importAddresses(storeId, "USDT_TRC20", addresses("USDT_TRC20", 3));
        return new WebhookStore(new Merchant(http, storeId, d.get("api_key").asString(), d.get("api_secret").asString(),
                clock), d.get("webhook_secret").asString());
    }

    public record WebhookStore(Merchant merchant, String webhookSecret) {
    }

    public void importAddresses(String storeId, String asset, List<String> addresses) {
        String list = String.join(",", addresses.stream().map(a -> "\"" + a + "\"").toList());
        Http.Response r = send("POST", "/admin/v1/stores/" + storeId + "/addresses",
                "{\"asset\":\"" + asset + "\",\"addresses\":[" + list + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Fresh, valid addresses for an asset, checksums included (TRON base58check, EVM hex, BTC mainnet bech32). */
    public static List<String> addresses(String asset, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] h = sha256(UUID.randomUUID().toString());
            switch (asset) {
                case "USDT_TRC20" -> out.add(Base58.tronAddress(java.util.Arrays.copyOf(h, 20)));
                case "BTC" -> out.add(SegwitAddress.fromHash(BitcoinNetwork.MAINNET, java.util.Arrays.copyOf(h, 20)).toBech32());
                default -> out.add("0x" + HexFormat.of().formatHex(h, 0, 20));
            }
        }
        return out;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
