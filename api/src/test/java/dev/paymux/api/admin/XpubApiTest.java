package dev.paymux.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.money.Asset;
import dev.paymux.onchain.address.AddressNetwork;
import dev.paymux.onchain.address.AddressValidator;
import dev.paymux.onchain.address.XpubAddresses;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Stores with an extended public key: each payment gets the next derived address, at the exact amount,
 * never shared, and a bad key or address is refused with nothing written. The database is shared by all
 * API tests and one key may serve one store only, so every test but the vector ones makes its own keys.
 */
class XpubApiTest extends ApiTest {

    /** BIP84 test vector: account 0 of "abandon … about" and its first two receive addresses. */
    static final String BIP84_ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
    static final SecureRandom RANDOM = new SecureRandom();
    static final XpubAddresses DERIVE = new XpubAddresses(AddressNetwork.MAINNET);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aZpubGivesEachPaymentTheNextDerivedAddressAtTheExactAmount() {
        Merchant m = newStore(List.of("BTC"), 0);
        Http.Response set = putXpub(m, "BTC", BIP84_ZPUB);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.data().get("first_address").asString()).isEqualTo("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
        assertThat(set.data().get("next_index").asInt()).isZero();

        JsonNode first = m.post("/api/v1/payment/create", "{\"amount\":\"0.001\",\"order_id\":\"X-1\"}").data();
        JsonNode second = m.post("/api/v1/payment/create", "{\"amount\":\"0.001\",\"order_id\":\"X-2\"}").data();
        assertThat(first.get("pay_address").asString()).isEqualTo("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
        assertThat(second.get("pay_address").asString()).isEqualTo("bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g");
        for (JsonNode p : List.of(first, second)) {
            assertThat(p.get("status").asString()).isEqualTo("pending");
            assertThat(p.get("amount").asString()).isEqualTo("0.00100000"); // no unique-amount offset
            JsonNode status = m.get("/api/v1/payment/" + p.get("payment_id").asString()).data();
            assertThat(status.get("amount_with_cents").decimalValue()).isEqualByComparingTo("0.001");
        }
        // the same order id again is the same payment: no new index is spent
        assertThat(m.post("/api/v1/payment/create", "{\"amount\":\"0.001\",\"order_id\":\"X-1\"}").data()
                .get("pay_address").asString()).isEqualTo("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");

        JsonNode keys = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/xpubs", null).data();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("next_index").asInt()).isEqualTo(2);
        assertThat(keys.get(0).get("xpub").asString()).isEqualTo(BIP84_ZPUB);
        // derived addresses are not part of the pool
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/addresses?asset=BTC", null).data()).isEmpty();
    }

    @Test
    void anEthereumXpubGivesEip55Addresses() {
        Merchant m = newStore(List.of("ETH"), 0);
        String xpub = account(abandonAboutMaster(), 44, 60).serializePubB58(BitcoinNetwork.MAINNET);
        Http.Response set = putXpub(m, "ETH", xpub);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.data().get("first_address").asString()).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        JsonNode p = m.post("/api/v1/payment/create", "{\"amount\":\"0.05\"}").data();
        assertThat(p.get("pay_address").asString()).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        assertThat(p.get("status").asString()).isEqualTo("pending");
        assertThat(p.get("amount").asString()).isEqualTo("0.05000000");
    }

    @Test
    void concurrentPaymentsNeverShareAnIndex() throws Exception {
        Merchant m = newStore(List.of("BTC"), 0);
        String zpub = randomZpub();
        assertThat(putXpub(m, "BTC", zpub).status()).isEqualTo(200);
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return m.post("/api/v1/payment/create", "{\"amount\":\"0.0005\"}");
            }));
        }
        start.countDown();
        List<String> addresses = new ArrayList<>();
        for (Future<Http.Response> f : results) {
            Http.Response r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.data().get("status").asString()).isEqualTo("pending");
            assertThat(r.data().get("amount").asString()).isEqualTo("0.00050000");
            addresses.add(r.data().get("pay_address").asString());
        }
        pool.shutdown();

        Set<String> expected = new HashSet<>(IntStream.range(0, threads).mapToObj(i -> DERIVE.derive(Asset.BTC, zpub, i)).toList());
        assertThat(addresses).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        List<Integer> indexes = jdbc.sql("""
                select derivation_index from receiving_addresses
                where store_id = :store and asset = 'BTC' order by derivation_index""")
                .param("store", UUID.fromString(m.storeId())).query(Integer.class).list();
        assertThat(indexes).containsExactlyElementsOf(IntStream.range(0, threads).boxed().toList());
        assertThat(jdbc.sql("select next_index from store_xpubs where store_id = :store and asset = 'BTC'")
                .param("store", UUID.fromString(m.storeId())).query(Integer.class).single()).isEqualTo(threads);
    }

    @Test
    void badKeysAreRefusedAndNothingIsWritten() {
        Merchant m = newStore(List.of("BTC", "ETH"), 0);
        DeterministicKey account = account(randomMaster(), 84, 0);
        String garbled = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSZTpRf6XxBmgEcpT2HvqqUeLQPAr9dfEQxh9hV9JEY";
        String zprv = account.serializePrivB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH);
        String vpub = account(randomMaster(), 84, 1).serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);

        assertRefused(putXpub(m, "BTC", garbled), 400, "checksum");
        Http.Response priv = putXpub(m, "BTC", zprv);
        assertRefused(priv, 400, "PRIVATE key");
        assertThat(priv.body()).doesNotContain(zprv.substring(4));
        assertRefused(putXpub(m, "BTC", vpub), 400, "test network key (vpub)");
        assertRefused(putXpub(m, "ETH", account.serializePubB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH)), 400,
                "Bitcoin SegWit");
        assertRefused(admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/xpubs/BTC", "{}"), 400, "xpub is required");
        assertRefused(admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/xpubs/BTC", "not json"), 400, "JSON");
        assertRefused(putXpub(m, "DOGE", randomZpub()), 400, "unknown asset");
        assertThat(admin().send("PUT", "/admin/v1/stores/" + UUID.randomUUID() + "/xpubs/BTC",
                "{\"xpub\":\"" + randomZpub() + "\"}").status()).isEqualTo(404);

        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/xpubs", null).data()).isEmpty();
        assertThat(jdbc.sql("select count(*) from store_xpubs where store_id = :store")
                .param("store", UUID.fromString(m.storeId())).query(Long.class).single()).isZero();
        // a store with neither key nor pool still cannot take payments
        assertThat(m.post("/api/v1/payment/create", "{\"amount\":\"0.001\",\"currency\":\"BTC\"}").status()).isEqualTo(422);
    }

    @Test
    void tronUsdtKeepsThePool() {
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        String xpub = account(randomMaster(), 44, 195).serializePubB58(BitcoinNetwork.MAINNET);
        Http.Response r = putXpub(m, "USDT_TRC20", xpub);
        assertRefused(r, 400, "USDT_TRC20 cannot use an extended public key");
        assertThat(r.error()).contains("pool");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/xpubs", null).data()).isEmpty();
    }

    @Test
    void oneKeyServesOneStoreAndAsset() {
        Merchant a = newStore(List.of("ETH", "USDT_ERC20"), 0);
        Merchant b = newStore(List.of("ETH"), 0);
        String xpub = account(randomMaster(), 44, 60).serializePubB58(BitcoinNetwork.MAINNET);
        assertThat(putXpub(a, "ETH", xpub).status()).isEqualTo(200);
        assertRefused(putXpub(b, "ETH", xpub), 409, "already set for another store or asset");
        assertRefused(putXpub(a, "USDT_ERC20", xpub), 409, "already set for another store or asset");
        assertThat(putXpub(a, "ETH", xpub).status()).as("setting the same key again").isEqualTo(200);
    }

    @Test
    void replacingAndRemovingAKey() {
        Merchant m = newStore(List.of("BTC"), 1);
        String keyA = randomZpub();
        String keyB = randomZpub();
        assertThat(putXpub(m, "BTC", keyA).status()).isEqualTo(200);
        assertThat(create(m).get("pay_address").asString()).isEqualTo(DERIVE.derive(Asset.BTC, keyA, 0));

        Http.Response replaced = putXpub(m, "BTC", keyB);
        assertThat(replaced.data().get("first_address").asString()).isEqualTo(DERIVE.derive(Asset.BTC, keyB, 0));
        assertThat(replaced.data().get("next_index").asInt()).isZero();
        assertThat(create(m).get("pay_address").asString()).isEqualTo(DERIVE.derive(Asset.BTC, keyB, 0));

        // without a key the store is a pool store again: its imported address, with a unique amount
        assertThat(admin().send("DELETE", "/admin/v1/stores/" + m.storeId() + "/xpubs/BTC", null).status()).isEqualTo(200);
        assertRefused(admin().send("DELETE", "/admin/v1/stores/" + m.storeId() + "/xpubs/BTC", null), 404,
                "no extended public key");
        JsonNode pooled = create(m);
        String poolAddress = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/addresses?asset=BTC", null)
                .data().get(0).asString();
        assertThat(pooled.get("pay_address").asString()).isEqualTo(poolAddress);
        assertThat(pooled.get("amount").asString()).isEqualTo("0.00100001");

        // key A again continues after the address it already gave: never reused
        Http.Response again = putXpub(m, "BTC", keyA);
        assertThat(again.data().get("next_index").asInt()).isEqualTo(1);
        assertThat(create(m).get("pay_address").asString()).isEqualTo(DERIVE.derive(Asset.BTC, keyA, 1));
    }

    @Test
    void addressImportChecksChecksums() {
        Merchant m = newStore(List.of("BTC", "ETH", "USDT_TRC20"), 0);
        String btc = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv"; // last character changed
        assertRefused(importAddresses(m, "BTC", Admin.addresses("BTC", 1).get(0), btc), 400, btc);
        String eth = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"; // EIP-55 example with one letter's case flipped
        Http.Response r = importAddresses(m, "ETH", eth);
        assertRefused(r, 400, eth);
        assertThat(r.error()).contains("EIP-55");
        String tron = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u";
        assertRefused(importAddresses(m, "USDT_TRC20", tron), 400, tron);
        for (String asset : List.of("BTC", "ETH", "USDT_TRC20")) {
            assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/addresses?asset=" + asset, null).data())
                    .isEmpty();
        }
        // valid ones are stored in their canonical form: Ethereum with its EIP-55 checksum, bech32 in lower case
        assertThat(importAddresses(m, "ETH", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").status()).isEqualTo(200);
        assertThat(importAddresses(m, "BTC", "BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU").status()).isEqualTo(200);
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/addresses?asset=ETH", null).data().get(0)
                .asString()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/addresses?asset=BTC", null).data().get(0)
                .asString()).isEqualTo("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu");
    }

    @Test
    void theDemoPoolPassesTheChecksums() {
        AddressValidator validator = new AddressValidator(AddressNetwork.MAINNET);
        assertThat(DemoBootstrap.DEMO_ADDRESSES).allMatch(a -> validator.isValid(Asset.USDT_TRC20, a));
    }

    private JsonNode create(Merchant m) {
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"0.001\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("status").asString()).isEqualTo("pending");
        return r.data();
    }

    private Http.Response putXpub(Merchant m, String asset, String xpub) {
        return admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/xpubs/" + asset, "{\"xpub\":\"" + xpub + "\"}");
    }

    private Http.Response importAddresses(Merchant m, String asset, String... addresses) {
        String list = String.join(",", List.of(addresses).stream().map(a -> "\"" + a + "\"").toList());
        return admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/addresses",
                "{\"asset\":\"" + asset + "\",\"addresses\":[" + list + "]}");
    }

    private static void assertRefused(Http.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).contains(messagePart);
    }

    private static String randomZpub() {
        return account(randomMaster(), 84, 0).serializePubB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH);
    }

    private static DeterministicKey randomMaster() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HDKeyDerivation.createMasterPrivateKey(seed);
    }

    private static DeterministicKey abandonAboutMaster() {
        List<String> words = new ArrayList<>(java.util.Collections.nCopies(11, "abandon"));
        words.add("about");
        return HDKeyDerivation.createMasterPrivateKey(org.bitcoinj.crypto.MnemonicCode.toSeed(words, ""));
    }

    /** m/purpose'/coin'/0' */
    private static DeterministicKey account(DeterministicKey master, int purpose, int coin) {
        DeterministicKey k = HDKeyDerivation.deriveChildKey(master, new ChildNumber(purpose, true));
        k = HDKeyDerivation.deriveChildKey(k, new ChildNumber(coin, true));
        return HDKeyDerivation.deriveChildKey(k, new ChildNumber(0, true));
    }
}
