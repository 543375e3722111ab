import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ava } from "../../test/fixtures.ts";
import { renderApp } from "../../test/render-app.tsx";

describe("colour theme", () => {
  it("cycles system → light → dark → system and remembers the choice in this browser", async () => {
    const { user } = renderApp("/accounts", { signedInAs: ava });
    const root = document.documentElement;

    await user.click(await screen.findByRole("button", { name: "Colours: System" }));
    expect(root.dataset.theme).toBe("light");
    expect(window.localStorage.getItem("recovery-desk.theme")).toBe("light");

    await user.click(screen.getByRole("button", { name: "Colours: Light" }));
    expect(root.dataset.theme).toBe("dark");
    expect(window.localStorage.getItem("recovery-desk.theme")).toBe("dark");

    await user.click(screen.getByRole("button", { name: "Colours: Dark" }));
    expect(root.dataset.theme).toBeUndefined();
    expect(window.localStorage.getItem("recovery-desk.theme")).toBeNull();
  });

  it("starts with the theme chosen earlier", async () => {
    window.localStorage.setItem("recovery-desk.theme", "dark");
    renderApp("/accounts", { signedInAs: ava });

    expect(await screen.findByRole("button", { name: "Colours: Dark" })).toBeInTheDocument();
  });
});
