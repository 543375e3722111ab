#!/usr/bin/env node
// `pnpm --filter @recovery-desk/api build`: the API as plain JavaScript in dist/ (or the folder given as
// the first argument, which must be inside apps/api so the installed packages resolve), for `node` without tsx.
// The server is one ES module (dist/server.js) plus the chunks it loads only when needed (the demo
// world), with source maps. The workspace's own packages are bundled in; every installed package stays
// an import resolved from node_modules at run time, so native code (@node-rs/argon2), the embedded
// database's WebAssembly (@electric-sql/pglite) and the hashing threads' pool (piscina) load as they are.
import { readFile, rm } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] ?? `${root}/dist`);
if (!outdir.startsWith(`${root}/`)) {
  console.error(`The API build goes to a folder inside ${root}, not ${outdir}.`);
  process.exit(2);
}

/** Installed packages are imported at run time; only relative imports and the workspace's packages are bundled. */
const installedPackagesExternal = {
  name: "installed-packages-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@recovery-desk/") ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Files outside the code that the code finds next to itself (`new URL("../../drizzle", import.meta.url)`:
 * the migrations, the hashing threads' worker, the repository's default folders) are found from the
 * source file's place, as under tsx: in each module, `import.meta.url` becomes that source file's
 * address, worked out from the built file's own, so the checkout can move.
 */
const sourceFileUrls = {
  name: "source-file-urls",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const fromOutput = relative(outdir, args.path).split("\\").join("/");
      return {
        contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromOutput)}, import.meta.url).href`),
        loader: "ts",
      };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { server: `${root}/src/server.ts` },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  sourcemap: "linked",
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
  plugins: [installedPackagesExternal, sourceFileUrls],
});
