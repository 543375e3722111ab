import { setupServer } from "msw/node";
import { handlers } from "./handlers.ts";

/** The network as the console sees it in tests. Tests add or replace handlers with `server.use`. */
export const server = setupServer(...handlers);
