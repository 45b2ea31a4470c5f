// Bundles the browser client into dist/ (run by scripts/install; the bundle is not committed).
import { build } from 'esbuild'

await build({
  entryPoints: { app: 'src/main.js', sw: 'src/sw.js' },
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
