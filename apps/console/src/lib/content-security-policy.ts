/**
 * What the page does so the server's Content-Security-Policy, which allows no inline code or style
 * without the page's nonce and no code made from text, refuses nothing the console needs.
 */
export function prepareForContentSecurityPolicy(): void {
  // zod compiles a faster checker for each object schema with `Function`, after first trying
  // whether it may: the policy refuses that try and reports a violation. Checking without compiling
  // gives the same answers. zod loads after the first page and reads its settings from this global
  // (what `z.config({ jitless: true })` sets), so setting it here keeps zod out of the first page's code.
  const zod = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
  zod.__zod_globalConfig ??= {};
  zod.__zod_globalConfig.jitless = true;

  // Dialogs add a style element while they keep the page behind from scrolling; the library that
  // adds it (react-style-singleton, by way of get-nonce) gives it the nonce in `__webpack_nonce__`.
  // The server writes each page's nonce into `<meta property="csp-nonce">`.
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  if (nonce) Object.assign(globalThis, { __webpack_nonce__: nonce });
}
