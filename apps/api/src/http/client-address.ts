import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The client's IP address as the socket saw it; null in in-process tests. */
export function clientAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
