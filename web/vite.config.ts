import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The self-host serves the built dashboard from its wwwroot; `npm run dev` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "../functions/Cleanup.Server/wwwroot", emptyOutDir: true },
  server: { proxy: { "/api": "http://127.0.0.1:7071" } },
});
