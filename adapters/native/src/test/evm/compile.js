// Compiles contracts/TestUSDT.sol offline with the pinned solc npm package and writes the ABI and
// the creation bytecode next to it (build/TestUSDT.abi, build/TestUSDT.bin), which are committed.
// Run `npm run compile` after changing the contract.
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const source = fs.readFileSync(path.join(__dirname, 'contracts', 'TestUSDT.sol'), 'utf8');
const input = {
  language: 'Solidity',
  sources: { 'TestUSDT.sol': { content: source } },
  settings: {
    // paris: no PUSH0, so the bytecode also runs on nodes with older default hardforks.
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
const contract = output.contracts['TestUSDT.sol'].TestUSDT;
const out = path.join(__dirname, 'build');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'TestUSDT.abi'), JSON.stringify(contract.abi, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'TestUSDT.bin'), contract.evm.bytecode.object + '\n');
console.log(`compiled TestUSDT with solc ${solc.version()}`);
