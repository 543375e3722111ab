/** "⌘" on a Mac, "Ctrl" elsewhere: the key held with Enter to confirm from a text box. */
export function confirmModifierLabel(): string {
  const platform = typeof navigator === "undefined" ? "" : navigator.platform || navigator.userAgent;
  return /Mac|iPhone|iPad/.test(platform) ? "⌘" : "Ctrl";
}
