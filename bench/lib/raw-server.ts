/**
 * The baseline of B1: the account-detail statement the API runs, served by a bare `node:http`
 * server on the raw `postgres` driver with the same pool size — no framework, authentication,
 * validation or masking. Prints `listening <port>` when ready.
 */
import { createServer } from "node:http";
import { accountDetailStatement } from "@recovery-desk/api/features/accounts/detail";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL ?? "", {
  max: Number(process.env.DB_POOL_MAX ?? 10),
  onnotice: () => {},
});
const dialect = new PgDialect();

const server = createServer(async (req, res) => {
  const id = /^\/accounts\/([\w-]+)$/.exec(req.url ?? "")?.[1];
  if (!id) {
    res.writeHead(404).end();
    return;
  }
  try {
    const query = dialect.sqlToQuery(accountDetailStatement(id));
    // Prepared once per connection, as the driver's own tagged statements are.
    const [row] = await sql.unsafe(query.sql, query.params as postgres.ParameterOrJSON<never>[], { prepare: true });
    res.writeHead(row ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(row ?? null));
  } catch {
    res.writeHead(500).end();
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => {
  server.close();
  void sql.end({ timeout: 1 }).then(() => process.exit(0));
});
