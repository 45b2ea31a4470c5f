// Bundles the browser code into dist/ (run by scripts/install; the bundle is not committed).
//
// Entry points: the editor pages' client (app), its service worker (sw), and one module per
// server-rendered page in src/pages/ (dist/<name>.js, loaded by server/web/layout.py as
// /static/<name>.js). Each page's bundle carries the few helpers of src/lib/ it uses: a couple of
// kilobytes, cheaper than a second request for a shared chunk on a congress hall's network.
import { readdirSync } from 'node:fs'
import { build } from 'esbuild'

const pages = Object.fromEntries(readdirSync('src/pages')
  .filter((file) => file.endsWith('.js'))
  .map((file) => [file.slice(0, -3), `src/pages/${file}`]))

await build({
  entryPoints: { app: 'src/main.js', sw: 'src/sw.js', ...pages },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  loader: { '.css': 'css' },
})
