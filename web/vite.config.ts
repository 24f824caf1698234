import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The self-host serves the built dashboard from its wwwroot; `npm run dev` proxies the API to it.
// Relative asset paths (base "./") let the same build run at "/" or under a reverse-proxy sub-path; routes live in
// the URL fragment, so the document path never changes.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: { outDir: "../functions/Cleanup.Server/wwwroot", emptyOutDir: true },
  server: { proxy: { "/api": "http://127.0.0.1:7071" } },
});
