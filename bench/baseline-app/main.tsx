import { createRootRoute, createRoute, createRouter, Link, Outlet, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

/**
 * The smallest honest page built on the console's stack: React, React DOM and TanStack Router with
 * two code-based routes and links between them. Benchmark B9 compares the console against it.
 */
const rootRoute = createRootRoute({
  component: () => (
    <>
      <nav>
        <Link to="/" id="to-first">
          First page
        </Link>{" "}
        <Link to="/second" id="to-second">
          Second page
        </Link>
      </nav>
      <main>
        <Outlet />
      </main>
    </>
  ),
});

const firstRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: () => <h1 id="first-heading">First page</h1>,
});

const secondRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/second",
  component: () => <h1 id="second-heading">Second page</h1>,
});

const router = createRouter({ routeTree: rootRoute.addChildren([firstRoute, secondRoute]) });

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element.");

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
