// Vite builds the console to dist/console: hashed assets under assets/, index.html
// at the top. React's JSX goes through Vite's own transform (automatic runtime).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  logLevel: 'warn',
  build: { outDir: here('../../dist/console'), emptyOutDir: true, assetsInlineLimit: 0, sourcemap: false },
});
