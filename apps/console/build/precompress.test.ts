import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { compressFile } from "./precompress.ts";

const dir = mkdtempSync(join(tmpdir(), "rd-precompress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the build's compressed copies", () => {
  it("are Brotli and gzip of the same bytes, much smaller", async () => {
    const file = join(dir, "index-Ab12.js");
    const code = Buffer.from(Array.from({ length: 500 }, (_, i) => `export const a${i} = "line ${i}";\n`).join(""));
    writeFileSync(file, code);
    await compressFile(file);
    const br = readFileSync(`${file}.br`);
    const gz = readFileSync(`${file}.gz`);
    expect(brotliDecompressSync(br).equals(code)).toBe(true);
    expect(gunzipSync(gz).equals(code)).toBe(true);
    expect(br.length).toBeLessThan(code.length / 4);
    expect(gz.length).toBeLessThan(code.length / 4);
  });

  it("are not written for a file too small to gain", async () => {
    const file = join(dir, "tiny-Cd34.js");
    writeFileSync(file, "export const a = 1;\n");
    await compressFile(file);
    expect(existsSync(`${file}.br`)).toBe(false);
    expect(existsSync(`${file}.gz`)).toBe(false);
  });
});
