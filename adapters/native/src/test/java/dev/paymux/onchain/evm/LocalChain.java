package dev.paymux.onchain.evm;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executors;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

/**
 * What the tests do to the local chain with web3j: deploy the committed ERC-20, send ETH and tokens from
 * Hardhat's first well-known test account, mine empty blocks, snapshot and revert.
 */
public final class LocalChain implements AutoCloseable {

    /** Hardhat's default account #0 (a public test key, funded with 10000 ETH on every Hardhat node). */
    public static final Credentials FUNDER =
            Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final long HARDHAT_CHAIN_ID = 31337;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpService service;
    private final Web3j web3j;
    private final RawTransactionManager transactions;

    public LocalChain(String url) {
        this.service = new HttpService(url);
        this.web3j = Web3j.build(service, 1_000, Executors.newSingleThreadScheduledExecutor());
        this.transactions = new RawTransactionManager(web3j, FUNDER, HARDHAT_CHAIN_ID,
                new PollingTransactionReceiptProcessor(web3j, 50, 400));
    }

    /** A fresh random address in EIP-55 checksum form, as the application may store one. */
    public static String newAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder("0x");
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return Keys.toChecksumAddress(hex.toString());
    }

    /** Deploys build/TestUSDT.bin (compiled by compile.js) with the whole supply to {@link #FUNDER}. */
    public String deployToken(BigInteger supply) throws IOException, TransactionException {
        String bytecode = Files.readString(HardhatNode.FIXTURE.resolve("build").resolve("TestUSDT.bin")).trim();
        String data = "0x" + bytecode + FunctionEncoder.encodeConstructor(List.of(new Uint256(supply)));
        TransactionReceipt receipt = send("", data, BigInteger.ZERO, 2_000_000);
        return receipt.getContractAddress();
    }

    public TransactionReceipt sendEth(String to, BigDecimal ether) throws IOException, TransactionException {
        return send(to, "", Convert.toWei(ether, Convert.Unit.ETHER).toBigIntegerExact(), 21_000);
    }

    public TransactionReceipt sendToken(String token, String to, BigInteger baseUnits)
            throws IOException, TransactionException {
        String data = FunctionEncoder.encode(new Function("transfer",
                List.of(new Address(to), new Uint256(baseUnits)), List.of()));
        return send(token, data, BigInteger.ZERO, 100_000);
    }

    private TransactionReceipt send(String to, String data, BigInteger value, long gasLimit)
            throws IOException, TransactionException {
        BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
        EthSendTransaction sent = transactions.sendTransaction(gasPrice, BigInteger.valueOf(gasLimit), to, data,
                value);
        if (sent.hasError()) {
            throw new IllegalStateException("transaction rejected: " + sent.getError().getMessage());
        }
        TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 50, 400)
                .waitForTransactionReceipt(sent.getTransactionHash());
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("transaction failed: " + receipt);
        }
        return receipt;
    }

    public long head() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    public String blockHash(long height) throws IOException {
        return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), false).send()
                .getBlock().getHash();
    }

    /**
     * Mines empty blocks one by one with {@code evm_mine}: {@code hardhat_mine} reserves blocks whose
     * {@code parentHash} reads as zero, which is no chain a watcher could follow.
     */
    public void mine(int blocks) throws IOException {
        for (int i = 0; i < blocks; i++) {
            call("evm_mine", List.of());
        }
    }

    public String snapshot() throws IOException {
        return String.valueOf(call("evm_snapshot", List.of()));
    }

    public void revert(String snapshot) throws IOException {
        Object reverted = call("evm_revert", List.of(snapshot));
        if (!Boolean.TRUE.equals(reverted)) {
            throw new IllegalStateException("evm_revert(" + snapshot + ") answered " + reverted);
        }
    }

    private Object call(String method, List<?> params) throws IOException {
        AnyResponse response = new Request<>(method, params, service, AnyResponse.class).send();
        if (response.hasError()) {
            throw new IllegalStateException(method + ": " + response.getError().getMessage());
        }
        return response.getResult();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** A JSON-RPC answer whose result is whatever JSON the method returns. */
    public static final class AnyResponse extends Response<Object> {
    }
}
