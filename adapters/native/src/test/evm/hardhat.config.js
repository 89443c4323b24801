// Local chain for the Ethereum watcher tests. Contracts are compiled by compile.js with the solc npm
// package (Hardhat's own compiler download needs the network), so no `solidity` section is used.
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      // Every transaction is mined in its own block at once; tests add empty blocks with evm_mine.
      mining: { auto: true },
    },
  },
};
