import {
  CreatedStaff,
  CreateStaffRequest,
  Problem,
  StaffIdParam,
  StaffList,
  StaffMember,
  UpdateStaffRequest,
} from "@recovery-desk/shared";
import { staffScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody } from "../../http/router.ts";
import { clearStaffSignInLimit, createStaff, listStaff, updateStaff } from "./manage.ts";

const listRoute = defineRoute({
  method: "get",
  path: "/staff",
  operationId: "listStaff",
  tags: ["Staff"],
  summary: "List staff",
  description:
    "Every staff member with their role, whether they are enabled, and until when their sign-in is limited after failed attempts (`signInLimitedUntil`).",
  access: "admin",
  responses: {
    200: jsonAnswer("All staff, by username.", StaffList, answerExamples.listStaff),
  },
});

const createRoute = defineRoute({
  method: "post",
  path: "/staff",
  operationId: "createStaff",
  tags: ["Staff"],
  summary: "Create a staff member",
  description: "Answers a generated initial password once; hand it to the person.",
  access: "admin",
  request: jsonBody(CreateStaffRequest, { username: "sam.rivera", displayName: "Sam Rivera", role: "agent" }),
  responses: {
    201: jsonAnswer("Created.", CreatedStaff, answerExamples.createStaff),
    409: {
      description: "The username is taken (`conflict`).",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/staff/{id}",
  operationId: "updateStaff",
  tags: ["Staff"],
  summary: "Change a role, or disable or enable a staff member",
  description: "Disabling ends the person's sessions at once.",
  access: "admin",
  request: { params: StaffIdParam, ...jsonBody(UpdateStaffRequest, { role: "supervisor" }) },
  responses: {
    200: jsonAnswer("Updated.", StaffMember, answerExamples.updateStaff),
    404: {
      description: "No such staff member (`not_found`).",
      content: { "application/problem+json": { schema: Problem } },
    },
    409: {
      description: "Yourself, or the last admin (`conflict`).",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

const clearSignInLimitRoute = defineRoute({
  method: "post",
  path: "/staff/{id}/clear-sign-in-limit",
  operationId: "clearStaffSignInLimit",
  tags: ["Staff"],
  summary: "Let a staff member sign in again after too many failed attempts",
  description:
    "Sign-in for a username is refused with 429 `rate_limited` after too many failed attempts in the window (5 in 15 minutes by default, `LOGIN_MAX_FAILURES` and `LOGIN_WINDOW_MINUTES`); `signInLimitedUntil` in the staff list says until when. This clears that count at once, for example when someone else's guesses locked the person out; it is recorded as `staff.updated` with `signInLimitCleared`. It does not lift the limit on failures from one client address (`LOGIN_MAX_FAILURES_PER_ADDRESS`) or the ceiling on attempts a minute (`LOGIN_MAX_ATTEMPTS_PER_MINUTE`); those end with their window. With nothing to clear it answers the same and records nothing.",
  access: "admin",
  request: { params: StaffIdParam },
  responses: {
    200: jsonAnswer("The staff member, who can sign in again.", StaffMember, answerExamples.clearStaffSignInLimit),
    404: {
      description: "No such staff member (`not_found`).",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

export const staffRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listStaff(c.var.deps) }, 200))
  .openapi(createRoute, async (c) => {
    const scope = staffScope(c, "admin");
    c.set("secretAnswer", true);
    return c.json(await createStaff(scope, c.req.valid("json")), 201);
  })
  .openapi(updateRoute, async (c) => {
    return c.json(await updateStaff(staffScope(c, "admin"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(clearSignInLimitRoute, async (c) => {
    return c.json(await clearStaffSignInLimit(staffScope(c, "admin"), c.req.valid("param").id), 200);
  });
