import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle served by the Electron custom protocol or by serve mode.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
});
