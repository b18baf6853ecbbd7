import test from 'ava';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAnnotator } from '../dist/index.js';

// a collector to call (the flag set at run time: the tests run without --expose-gc)
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** ArrayBuffer memory in MB once the collector has run and the freed buffers are gone. */
async function settled() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return process.memoryUsage().arrayBuffers / 1e6;
}

test.serial('an annotator does not keep the buffers of one huge word (no space or line break to cut a window at)', async (t) => {
  for (const options of [{ topics: false, keyphrases: false }, {}]) {
    const annotator = createAnnotator(options);
    t.is(annotator.annotate('وصل وانغ يي إلى كازاخستان').entities.length, 2);
    const before = await settled();
    // 5M units in one token: the scan's buffers are sized by the text (~50 MB), not by its one token
    let word = 'ب'.repeat(5e6);
    t.is(annotator.annotate(word).entities.length, 0);
    word = null;
    const after = await settled();
    t.true(after - before < 16, `${(after - before).toFixed(1)} MB of ArrayBuffers kept after the call (options ${JSON.stringify(options)})`);
    // and it still annotates
    t.deepEqual(annotator.annotate('وصل وانغ يي إلى كازاخستان').entities.map((e) => e.id), ['per/wang-yi', 'loc/kazakhstan']);
  }
});
