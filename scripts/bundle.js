// Bundles what tsc wrote into dist/ into one module per entry point, in dist/bundle/: the library
// (index.js, the package's entry), the CLI (main.js) and the CLI's worker (worker.js).
//
// Why: Node's ES module loader resolves, reads and compiles each module on its own. The library is
// 38 modules; importing them took ~35 ms of a ~170 ms cold start, and one bundled module ~11 ms
// (bench/NOTES.md, session 8). The code is tsc's output, unchanged but for being in one file;
// packages stay imports.
//
// Every entry lives one directory below dist/, as tsc's modules do (dist/gazetteer/load.js), so the
// paths they resolve against `import.meta.url` (../lexicon.bin, ../../lexicons/topics/) still hold.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const t0 = performance.now();
const result = buildSync({
  absWorkingDir: root,
  entryPoints: ['dist/index.js', 'dist/cli/main.js', 'dist/cli/worker.js'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // every package import stays an import (the package's dependencies, resolved where it is installed)
  packages: 'external',
  // no minification: stack traces and profiles keep the names and lines of tsc's output
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs).map(([file, o]) => `${file.replace(/^dist\/bundle\//, '')} ${(o.bytes / 1024).toFixed(0)} KB`);
process.stdout.write(`bundle: ${outputs.join(', ')} in ${(performance.now() - t0).toFixed(0)} ms\n`);
