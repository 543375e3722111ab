/**
 * The local SMS gateway of B13: a bare `node:http` server that reads each POST's JSON body, counts
 * the messages that carry `to` and `text` by path, and answers 202 at once. `GET /counts` answers
 * the counts so far. Prints `listening <port>` when ready.
 */
import { createServer } from "node:http";

const counts: Record<string, number> = {};

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/counts") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    try {
      const message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { to?: unknown; text?: unknown };
      if (req.method !== "POST" || typeof message.to !== "string" || typeof message.text !== "string") {
        res.writeHead(400).end();
        return;
      }
    } catch {
      res.writeHead(400).end();
      return;
    }
    const path = req.url ?? "/";
    counts[path] = (counts[path] ?? 0) + 1;
    res.writeHead(202).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
