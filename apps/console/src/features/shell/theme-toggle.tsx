import { useState } from "react";
import { applyTheme, nextTheme, readTheme, type ThemeChoice } from "../../lib/theme.ts";
import { Button } from "../../ui/button.tsx";
import { Tooltip } from "../../ui/deferred-tooltip.tsx";
import { ThemeIcon } from "../../ui/icons.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

const THEME_LABELS: Record<ThemeChoice, string> = {
  system: "System",
  light: "Light",
  dark: "Dark",
};

/**
 * Switches between the system colours, light and dark; the choice is kept in this browser. The icon
 * and the choice are shown ("◐ System"); "Colours:" is read out too, and the tooltip says what is next.
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);

  function switchTheme() {
    const next = nextTheme(theme);
    applyTheme(next);
    setTheme(next);
  }

  return (
    <Tooltip content={`Switch to ${THEME_LABELS[nextTheme(theme)].toLowerCase()} colours`}>
      <Button variant="quiet" size="sm" onClick={switchTheme}>
        <ThemeIcon />
        <VisuallyHidden>Colours:</VisuallyHidden> {THEME_LABELS[theme]}
      </Button>
    </Tooltip>
  );
}
