import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { createApp } from "./app/create-app.ts";
import { applyTheme, readTheme } from "./lib/theme.ts";
import "./styles/tokens.css";
import "./styles/app.css";
import "./styles/overlays.css";
import "./styles/recovery.css";

// Use the agent's colour choice before the first paint, so the page never flashes the other theme.
applyTheme(readTheme());

const { queryClient, router } = createApp();
const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element to render the console into.");

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
