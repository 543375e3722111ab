import { StaffEnvelope } from "@recovery-desk/shared";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { apiPath, problem } from "../test/handlers.ts";
import { server } from "../test/server.ts";
import { apiFetch, apiUrl } from "./client.ts";
import { ApiProblem } from "./problem.ts";

async function failure(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiProblem)) throw new Error(`Expected an ApiProblem, got ${String(error)}`);
  return error;
}

describe("apiFetch", () => {
  it("builds same-origin URLs under /api/v1 and leaves out empty query values", () => {
    expect(apiUrl("/accounts", { q: "(217) 555-0142", status: undefined, cursor: "" })).toBe(
      "http://localhost:3000/api/v1/accounts?q=%28217%29+555-0142",
    );
  });

  it("sends JSON with its content type and the session cookie policy, and checks the answer", async () => {
    let seen: Request | null = null;
    server.use(
      http.post(apiPath("/auth/login"), ({ request }) => {
        seen = request;
        return HttpResponse.json({ staff: { id: "stf_1", username: "ava.agent", displayName: "Ava", role: "agent" } });
      }),
    );

    const answer = await apiFetch(apiUrl("/auth/login"), {
      method: "POST",
      body: { username: "ava.agent", password: "x" },
      schema: StaffEnvelope,
    });

    expect(answer.staff.role).toBe("agent");
    const request = seen as Request | null;
    expect(request?.headers.get("content-type")).toBe("application/json");
    expect(request?.credentials).toBe("same-origin");
  });

  it("turns problem+json into an ApiProblem with code, request id and wait time", async () => {
    server.use(
      http.post(apiPath("/auth/login"), () =>
        problem(429, "rate_limited", "Slow down.", { retryAfter: 120, requestId: "req_429" }),
      ),
    );

    const error = await failure(apiFetch(apiUrl("/auth/login"), { method: "POST", body: {} }));

    expect(error).toMatchObject({ status: 429, code: "rate_limited", requestId: "req_429", retryAfter: 120 });
    expect(error.isClientError).toBe(true);
  });

  it("carries the attempts left of a failed verification, and nothing when a problem has none", async () => {
    server.use(
      http.post(apiPath("/verifications/ver_1/answers"), () =>
        problem(422, "verification_failed", "The answers do not match.", { attemptsRemaining: 2 }),
      ),
      http.post(apiPath("/verifications/ver_1/code"), () => problem(409, "conflict", "This verification has ended.")),
    );

    const failed = await failure(apiFetch(apiUrl("/verifications/ver_1/answers"), { method: "POST", body: {} }));
    const ended = await failure(apiFetch(apiUrl("/verifications/ver_1/code"), { method: "POST", body: {} }));

    expect(failed).toMatchObject({ code: "verification_failed", attemptsRemaining: 2 });
    expect(ended).toMatchObject({ code: "conflict", attemptsRemaining: null });
  });

  it("keeps field problems of a validation failure", async () => {
    server.use(
      http.get(apiPath("/accounts"), () =>
        HttpResponse.json(
          {
            type: "about:blank",
            title: "Bad request",
            status: 400,
            detail: "Some fields are not valid.",
            code: "validation_failed",
            requestId: "req_400",
            errors: [{ path: "query.limit", message: "Too big" }],
          },
          { status: 400, headers: { "Content-Type": "application/problem+json" } },
        ),
      ),
    );

    const error = await failure(apiFetch(apiUrl("/accounts")));

    expect(error.code).toBe("validation_failed");
    expect(error.errors).toEqual([{ path: "query.limit", message: "Too big" }]);
  });

  it("reads the request id and Retry-After from headers when the body is not a problem", async () => {
    server.use(
      http.get(
        apiPath("/auth/me"),
        () =>
          new HttpResponse("<html>Bad gateway</html>", {
            status: 502,
            headers: { "Content-Type": "text/html", "X-Request-Id": "req_proxy", "Retry-After": "30" },
          }),
      ),
    );

    const error = await failure(apiFetch(apiUrl("/auth/me")));

    expect(error).toMatchObject({ status: 502, code: "internal", requestId: "req_proxy", retryAfter: 30 });
  });

  it("reports a dropped connection as network_error", async () => {
    server.use(http.get(apiPath("/auth/me"), () => HttpResponse.error()));

    const error = await failure(apiFetch(apiUrl("/auth/me")));

    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });

  it("refuses an answer that breaks the shared contract", async () => {
    server.use(http.get(apiPath("/auth/me"), () => HttpResponse.json({ staff: { id: "stf_1", role: "wizard" } })));

    const error = await failure(apiFetch(apiUrl("/auth/me"), { schema: StaffEnvelope }));

    expect(error.code).toBe("bad_response");
  });
});
