import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { preloadContract } from "./api/contract.ts";
import { App } from "./app/app.tsx";
import { createApp } from "./app/create-app.ts";
import { markFirstPageShown } from "./lib/after-first-page.ts";
import { prepareForContentSecurityPolicy } from "./lib/content-security-policy.ts";
import { applyTheme, readTheme } from "./lib/theme.ts";
import "./styles/tokens.css";
import "./styles/app.css";
import "./styles/overlays.css";
import "./styles/recovery.css";

// Use the agent's colour choice before the first paint, so the page never flashes the other theme.
applyTheme(readTheme());
prepareForContentSecurityPolicy();

const { queryClient, router } = createApp();
const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element to render the console into.");

// Code the first page does not need (tooltips, the contract's schemas) loads once that page is on screen.
preloadContract();
const stopWatching = router.subscribe("onRendered", () => {
  stopWatching();
  markFirstPageShown();
});

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
