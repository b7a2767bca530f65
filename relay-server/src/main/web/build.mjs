// Bundles the page into OUT (the relay's classpath directory web/): index.html, favicon.ico and
// assets/ with content-hashed names (cached forever by the relay), each with a .gz beside it.
// Usage: node build.mjs OUT
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUTPUT_DIRECTORY');
  process.exit(2);
}
const assets = join(out, 'assets');
await rm(out, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const result = await build({
  entryPoints: [join(here, 'src/main.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome111', 'firefox115', 'safari16.4'],
  entryNames: '[name]-[hash]',
  outdir: assets,
  metafile: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => file);
const find = (ext) => {
  const file = outputs.find((name) => name.endsWith(ext));
  if (!file) throw new Error(`esbuild produced no ${ext} file`);
  return `/${relative(out, file).split('\\').join('/')}`;
};

const favicon = await readFile(join(here, 'favicon.svg'));
const faviconName = `favicon-${createHash('sha256').update(favicon).digest('hex').slice(0, 8)}.svg`;
await writeFile(join(assets, faviconName), favicon);

const template = await readFile(join(here, 'index.html'), 'utf8');
const html = template
  .replace('{{js}}', find('.js'))
  .replace('{{css}}', find('.css'))
  .replace('{{favicon}}', `/assets/${faviconName}`);
await writeFile(join(out, 'index.html'), html);

const compressible = [join(out, 'index.html'), join(assets, faviconName), ...outputs];
let total = 0;
for (const file of compressible) {
  const data = await readFile(file);
  const gz = gzipSync(data, { level: 9 });
  await writeFile(`${file}.gz`, gz);
  total += gz.length;
}
console.log(`web: ${compressible.map((f) => basename(f)).join(', ')} (${(total / 1024).toFixed(0)} KiB gzipped) -> ${out}`);
