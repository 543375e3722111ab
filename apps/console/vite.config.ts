import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** In development the API runs beside the console; everything under /api goes to it. */
const apiTarget = `http://localhost:${process.env.API_PORT ?? "3000"}`;

export default defineConfig({
  plugins: [tanstackRouter({ target: "react", autoCodeSplitting: true, quoteStyle: "double" }), react()],
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget, changeOrigin: false },
    },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
