import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { HttpResponse, http } from "msw";
import { fakeApi } from "./fake-api.ts";
import { exportLines, fakeTrail, listTrail, resolveNames, trailState, verifyTrail } from "./fake-audit-trail.ts";
import { apiPath, problem, unauthenticated } from "./http.ts";

/** The real API's answer to an `actor` or `account` filter that names no one. */
function unknownName(params: URLSearchParams) {
  const names = resolveNames(params);
  if (!("unknown" in names)) return null;
  const message =
    names.unknown === "actor" ? PROBLEM_DETAILS.unknownActor(names.value) : PROBLEM_DETAILS.unknownAccount(names.value);
  return problem(400, "validation_failed", message, { errors: [{ path: `query.${names.unknown}`, message }] });
}

/** The audit routes need a session of the supervisor role or higher, as in the real API. */
function requireSupervisor() {
  const staff = fakeApi.session;
  if (!staff) return { refused: unauthenticated() };
  if (staff.role === "agent") return { refused: problem(403, "forbidden", PROBLEM_DETAILS.roleNeeded("supervisor")) };
  return { staff };
}

const encoder = new TextEncoder();

/** The export, streamed in pieces of `fakeTrail.exportChunkLines` lines, pausing at `fakeTrail.exportHold`. */
function exportStream(lines: string[]): ReadableStream<Uint8Array> {
  const size = fakeTrail.exportChunkLines;
  const hold = fakeTrail.exportHold;
  let index = 0;
  return new ReadableStream({
    async pull(controller) {
      if (index >= lines.length) {
        controller.close();
        return;
      }
      if (index > 0 && hold) await hold;
      controller.enqueue(encoder.encode(lines.slice(index, index + size).join("")));
      index += size;
    },
  });
}

export const auditTrailHandlers = [
  http.get(apiPath("/audit-events/export"), ({ request }) => {
    const { refused } = requireSupervisor();
    if (refused) return refused;
    const params = new URL(request.url).searchParams;
    const refusedName = unknownName(params);
    if (refusedName) return refusedName;
    const format = params.get("format") === "ndjson" ? "ndjson" : "csv";
    return new HttpResponse(exportStream(exportLines(params)), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-20261124T150000.${format}"`,
      },
    });
  }),

  http.get(apiPath("/audit-events"), ({ request }) => {
    const { refused } = requireSupervisor();
    if (refused) return refused;
    const params = new URL(request.url).searchParams;
    const refusedName = unknownName(params);
    if (refusedName) {
      fakeTrail.listCalls.push(params);
      return refusedName;
    }
    return HttpResponse.json(listTrail(params));
  }),

  http.get(apiPath("/audit/verify"), ({ request }) => {
    const { refused, staff } = requireSupervisor();
    if (refused) return refused;
    const params = new URL(request.url).searchParams;
    const toSeq = params.get("toSeq");
    return HttpResponse.json(
      verifyTrail(Number(params.get("fromSeq") ?? 1), toSeq ? Number(toSeq) : null, staff.username),
    );
  }),

  http.get(apiPath("/audit/state"), () => {
    const { refused } = requireSupervisor();
    if (refused) return refused;
    return HttpResponse.json(trailState());
  }),
];
