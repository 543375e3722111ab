import { describe, expect, it } from "vitest";
import tokens from "./tokens.css?raw";

/** WCAG 2.2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour custom properties declared in the first block that follows `selector`. */
function palette(selector: string): Record<string, string> {
  const start = tokens.indexOf(selector);
  const block = tokens.slice(tokens.indexOf("{", start) + 1, tokens.indexOf("}", start));
  return Object.fromEntries(Array.from(block.matchAll(/--(color-[\w-]+):\s*(#[0-9a-f]{6})/gi), (m) => [m[1], m[2]]));
}

const light = palette(":root {");
const dark = { ...light, ...palette(':root[data-theme="dark"]') };

/** [foreground, background, minimum ratio]: 4.5 for text, 3 for control borders and the focus ring. */
const PAIRS: Array<[string, string, number]> = [
  ...["page", "surface", "surface-sunken"].flatMap(
    (bg): Array<[string, string, number]> => [
      ["color-text", `color-${bg}`, 4.5],
      ["color-text-muted", `color-${bg}`, 4.5],
      ["color-link", `color-${bg}`, 4.5],
      ["color-focus", `color-${bg}`, 3],
      ["color-border-strong", `color-${bg}`, 3],
    ],
  ),
  ["color-on-primary", "color-primary", 4.5],
  ["color-on-primary", "color-primary-hover", 4.5],
  ["color-on-danger", "color-danger", 4.5],
  ["color-yes", "color-surface", 4.5],
  ["color-no", "color-surface", 4.5],
  ["color-surface", "color-text", 4.5],
  ...["success", "danger", "warning", "info", "neutral"].flatMap(
    (tone): Array<[string, string, number]> => [
      [`color-${tone}-text`, `color-${tone}-bg`, 4.5],
      ["color-text", `color-${tone}-bg`, 4.5],
      [`color-${tone}-border`, `color-${tone}-bg`, 3],
    ],
  ),
];

describe.each([
  ["light", light],
  ["dark", dark],
])("the %s theme", (_, colours) => {
  it.each(PAIRS)("%s on %s reaches %s:1", (fg, bg, minimum) => {
    const foreground = colours[fg];
    const background = colours[bg];
    expect(foreground, fg).toMatch(/^#/);
    expect(background, bg).toMatch(/^#/);
    expect(contrast(foreground ?? "", background ?? "")).toBeGreaterThanOrEqual(minimum);
  });
});

describe("the dark theme", () => {
  it("is the same whether chosen by hand or by the system setting", () => {
    expect(palette("prefers-color-scheme: dark")).toEqual(palette(':root[data-theme="dark"]'));
  });
});
