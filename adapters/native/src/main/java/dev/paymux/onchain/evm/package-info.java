/**
 * The Ethereum watcher: native ETH from blocks and USDT (ERC-20) from {@code Transfer} logs, read over
 * JSON-RPC with web3j, with parent-hash reorg detection. Entry points are {@link
 * dev.paymux.onchain.evm.EthereumWatcher} and {@link dev.paymux.onchain.evm.EthereumWatcherConfig}.
 */
package dev.paymux.onchain.evm;
