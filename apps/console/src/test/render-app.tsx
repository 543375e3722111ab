import type { Staff } from "@recovery-desk/shared";
import { createMemoryHistory } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../app/app.tsx";
import { createApp } from "../app/create-app.ts";
import { signInAs } from "./fake-api.ts";

type RenderAppOptions = {
  /** Start with a live session on the fake API, as if the agent signed in earlier. */
  signedInAs?: Staff;
  /** With fake timers: how user-event lets time pass between key presses, e.g. `vi.advanceTimersByTime`. */
  advanceTimers?: (ms: number) => unknown;
};

/** Renders the real console (real router, real query client) at `path`, talking to msw. */
export function renderApp(path: string, { signedInAs, advanceTimers }: RenderAppOptions = {}) {
  if (signedInAs) signInAs(signedInAs);
  const history = createMemoryHistory({ initialEntries: [path] });
  const { queryClient, router } = createApp({ history });
  const user = userEvent.setup(advanceTimers ? { advanceTimers } : {});
  const view = render(<App queryClient={queryClient} router={router} />);
  /** Where the console is now, e.g. { pathname: "/accounts", search: { q: "maria" } }. */
  const location = () => router.state.location;
  return { ...view, user, router, queryClient, location };
}
