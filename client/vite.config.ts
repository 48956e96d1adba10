import preact from '@preact/preset-vite'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

const root = fileURLToPath(new URL('.', import.meta.url))

/** A short, stable hash for CSS module class names. */
const hash = (text: string) => createHash('sha1').update(text).digest('base64url').slice(0, 4)

/** Writes .br and .gz beside each text file, so the host sends them without compressing live. */
const precompress = (): Plugin => ({
  name: 'bayanet-precompress',
  apply: 'build',
  enforce: 'post',
  closeBundle: {
    order: 'post',
    handler() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name)
          return entry.isDirectory() ? walk(full) : [full]
        })
      for (const file of walk(path.join(root, 'dist'))) {
        if (!/\.(js|css|html|svg|webmanifest)$/.test(file)) continue
        const data = fs.readFileSync(file)
        fs.writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
        fs.writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        )
      }
    },
  },
})

/** The resident PWA: built into client/dist and served by the Express host at `/`. */
export default defineConfig({
  root,
  base: '/',
  plugins: [
    precompress(),
    preact({ prerender: { enabled: false } }),
    VitePWA({
      // Registered by our own code after the first render (no inline script: CSP).
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Bayanet',
        short_name: 'Bayanet',
        description: 'Civic tasks in your barangay, rewarded. · Gawaing sibiko, may gantimpala.',
        lang: 'fil',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f4f7f5',
        theme_color: '#0b6e4f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // The host's own pages are not the app's.
        navigateFallbackDenylist: [/^\/admin/, /^\/api/, /^\/_next/, /^\/healthz/, /^\/readyz/],
        runtimeCaching: [
          {
            // The last feed, for opening the app with no signal.
            urlPattern: ({ url }) => url.pathname === '/api/feed',
            handler: 'NetworkFirst',
            options: {
              cacheName: 'bayanet-feed',
              networkTimeoutSeconds: 8,
              expiration: { maxEntries: 4 },
            },
          },
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  css: {
    modules: {
      localsConvention: 'camelCaseOnly',
      // Short class names: they are repeated in every chunk a resident downloads.
      generateScopedName: (name, filename) =>
        process.env.NODE_ENV === 'production' || !filename
          ? `${name.slice(0, 2)}${hash(`${filename}:${name}`)}`
          : `${name}_${hash(filename)}`,
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    // Every byte costs a resident on 3G.
    modulePreload: false,
    assetsInlineLimit: 0,
    // One small stylesheet in the head: lazy screens then need no CSS preloading helper.
    cssCodeSplit: false,
    minify: 'terser',
    terserOptions: { compress: { passes: 3, pure_getters: true, unsafe_arrows: true }, ecma: 2020 },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
