import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from files (Electron's app:// protocol) and from browser mode's HTTP
// server alike, so every asset URL is relative. The output holds nothing but the built renderer.
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Both hosts run Chromium, which supports modulepreload natively; the polyfill would be dead code.
    modulePreload: { polyfill: false },
  },
});
