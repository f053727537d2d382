// Vite build of the web workspace: root app/, output dist/app, /api proxied to the local server in dev.
// Every text file of the build is also written compressed (NAME.br, NAME.gz) for the server to send as is
// (server/http/staticAssets.ts): brotli 11 and gzip 9 cost seconds once here instead of CPU on every request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}dist/app`;
/** the API server behind /api (dev and preview); LUOSHI_API overrides the default */
const api = process.env.LUOSHI_API ?? 'http://127.0.0.1:3000';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Write NAME.br and NAME.gz beside every compressible file of the build, when smaller than the file. */
function precompress(): Plugin {
  return {
    name: 'luoshi-precompress',
    apply: 'build',
    async closeBundle() {
      const files: string[] = [];
      const walk = async (dir: string) => {
        for (const e of await readdir(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) await walk(p);
          else if (/\.(?:js|mjs|css|html|svg|json|txt|map)$/.test(e.name)) files.push(p);
        }
      };
      await walk(outDir);
      await Promise.all(
        files.map(async (f) => {
          const raw = await readFile(f);
          const [br, gzipped] = await Promise.all([
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gz(raw, { level: 9 }),
          ]);
          if (br.length < raw.length) await writeFile(`${f}.br`, br);
          if (gzipped.length < raw.length) await writeFile(`${f}.gz`, gzipped);
        }),
      );
    },
  };
}

export default defineConfig({
  root: `${here}app`,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Named vendor chunks whose hash changes only when the library does, so that after a new build a
        // returning browser still holds them (they are cached as immutable). Everything else is split by the
        // routes' lazy imports: each screen loads only the Ant Design parts it uses, and ECharts only with charts.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 20 },
            { name: 'echarts', test: /[\\/]node_modules[\\/](?:echarts|zrender)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
