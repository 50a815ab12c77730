/**
 * `npm run fuzz`: mutated signed intents through `verifyIntent` (see
 * test/node/server/intent-fuzz.ts). Prints tried / accepted / accepted-with-changed-meaning and
 * exits non-zero unless the last is 0.
 *
 *   tsx scripts/fuzz-verify.ts [--count 100000] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { fuzzVerifyIntent } from '../test/node/server/intent-fuzz.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } } });
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 1) throw new Error(`--count must be a positive integer, not ${values.count}`);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);

const started = performance.now();
let reported = 0;
const figures = await fuzzVerifyIntent({
  count,
  seed,
  onBatch: ({ tried }) => {
    if (tried - reported < 10_000 || tried === count) return;
    reported = tried;
    process.stderr.write(`  ${tried} tried…\n`);
  },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`seed ${seed}, ${seconds} s`);
console.log(`tried ${figures.tried}`);
console.log(`accepted ${figures.accepted}`);
console.log(`accepted-with-changed-meaning ${figures.acceptedWithChangedMeaning}`);
for (const example of figures.examples) console.log(`  ${example}`);
if (figures.acceptedWithChangedMeaning !== 0) process.exitCode = 1;
