import { HttpResponse, http } from "msw";
import { fakeApi } from "./fake-api.ts";
import { exportLines, fakeTrail, listTrail, trailState, verifyTrail } from "./fake-audit-trail.ts";
import { apiPath, problem, unauthenticated } from "./http.ts";

/** The audit routes need a session of the supervisor role or higher, as in the real API. */
function requireSupervisor() {
  const staff = fakeApi.session;
  if (!staff) return { refused: unauthenticated() };
  if (staff.role === "agent") return { refused: problem(403, "forbidden", "This needs the supervisor role.") };
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
    return HttpResponse.json(listTrail(new URL(request.url).searchParams));
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
