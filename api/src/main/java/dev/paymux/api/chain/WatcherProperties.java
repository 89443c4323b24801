package dev.paymux.api.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which chains this gateway watches and where their APIs are. Each watcher is off until enabled; the
 * network picks documented defaults (endpoints, USDT contracts) that the other keys override.
 */
@ConfigurationProperties("paymux.chains")
public record WatcherProperties(@DefaultValue Tron tron, @DefaultValue Bitcoin bitcoin,
        @DefaultValue Ethereum ethereum) {

    /**
     * @param network       {@code mainnet} (TronGrid) or {@code nile} (the Nile testnet)
     * @param baseUrl       overrides the network's TronGrid URL (a private gateway serving the same API)
     * @param apiKey        sent as {@code TRON-PRO-API-KEY}
     * @param usdtContract  overrides the network's USDT contract
     */
    public record Tron(@DefaultValue("false") boolean enabled, @DefaultValue("mainnet") String network, String baseUrl,
            String apiKey, String usdtContract, Long startTimestamp) {
    }

    /**
     * @param network  {@code mainnet}, {@code testnet} (Blockstream's Esplora) or {@code local} (needs base-url)
     */
    public record Bitcoin(@DefaultValue("false") boolean enabled, @DefaultValue("mainnet") String network,
            String baseUrl) {
    }

    /**
     * @param rpcUrl        the JSON-RPC endpoint (a node, a provider, or a local Hardhat node)
     * @param usdtContract  the USDT_ERC20 token contract (mainnet USDT by default)
     * @param usdtDecimals  the token's decimals (6 for USDT)
     * @param startBlock    where a first start begins; by default a little behind the current head
     * @param useFinalizedTag  whether the node's {@code finalized} block makes transfers final before their
     *                         confirmation count (turn off for dev nodes such as Hardhat, which answer the head)
     */
    public record Ethereum(@DefaultValue("false") boolean enabled, String rpcUrl, String usdtContract,
            Integer usdtDecimals, Long startBlock, @DefaultValue("true") boolean useFinalizedTag) {
    }
}
