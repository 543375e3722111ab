import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox } from "../../db/schema/index.ts";
import { MINUTE } from "../../lib/clock.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";
import { recoveryPolicy } from "./policy.ts";

const KIM_PHONE = "+15035550178";
const KIM_EMAIL = "kim.nguyen@example.com";
const KIM_ANSWERS = ["Mrs. Park", "Oak Avenue"];

let t: TestContext;
let ava: string;
let kim: string;
let maria: string;
let tom: string;

async function world(config: Parameters<typeof createTestContext>[0] = {}) {
  t = await createTestContext(config);
  ava = await t.signIn("ava.agent");
  kim = (await accountByUsername(t.database.db, "kim.nguyen")).id;
  maria = (await accountByUsername(t.database.db, "maria.lopez")).id;
  tom = (await accountByUsername(t.database.db, "tom.becker")).id;
}
afterEach(() => t.close());

const act = (accountId: string, action: string, body: unknown, cookie = ava) =>
  t.request(`/api/v1/accounts/${accountId}/${action}`, { cookie, body });
const sendPassword = (cookie = ava) => act(kim, "temporary-password", { channel: "sms", reason: "Forgot" }, cookie);
const windowOf = async (accountId: string, cookie = ava) =>
  (await answerOf(await t.api(cookie).accounts[":id"].$get({ param: { id: accountId } }), 200)).verification;
const policyNow = async () => answerOf(await t.api(ava).policy.$get(), 200);
const levelsOf = (policy: Awaited<ReturnType<typeof policyNow>>) =>
  Object.fromEntries(policy.actions.map((a) => [a.action, a.requires]));
const passwordsSent = async () =>
  (await t.database.db.select().from(outbox).where(eq(outbox.accountId, kim))).filter(
    (m) => m.subject === "Your temporary password",
  ).length;

describe("GET /api/v1/policy", () => {
  it("serves the default preset's levels to any staff member, and nothing without sign-in", async () => {
    await world();
    const policy = await policyNow();
    expect(policy.preset).toBe("default");
    expect(levelsOf(policy)).toEqual({
      unlock: "any",
      username_reminder: "any",
      reactivate: "code",
      temporary_password: "two_with_code",
      merge: "code",
    });
    expect(policy.actions.find((a) => a.action === "temporary_password")?.description).toBe(
      "A temporary password needs two pieces, at least one a code.",
    );
    expect((await problemOf(await t.request("/api/v1/policy"), 401)).code).toBe("unauthenticated");
  });

  it("serves the nist preset, with an action's level set otherwise", async () => {
    await world({ recoveryPolicy: recoveryPolicy("nist", { merge: "two_codes" }) });
    const policy = await policyNow();
    expect(policy.preset).toBe("nist");
    expect(levelsOf(policy)).toEqual({
      unlock: "code",
      username_reminder: "code",
      reactivate: "code",
      temporary_password: "two_codes",
      merge: "two_codes",
    });
  });
});

describe("the default policy", () => {
  beforeEach(() => world());

  it("lets any one piece of evidence lift a lock", async () => {
    await verifyByQuestions(t, ava, maria, ["Biscuit", "San Antonio"]);
    expect((await act(maria, "unlock", { reason: "Locked after travel" })).status).toBe(200);
    expect((await eventsOf(t.database.db, "account.unlocked")).at(-1)?.details).toMatchObject({
      evidence: ["knowledge"],
    });
  });

  it("needs a code to reactivate: the questions alone are refused, naming what is required and what the window has", async () => {
    await verifyByQuestions(t, ava, tom, ["Schmidt", "Volkswagen"]);
    const problem = await problemOf(await act(tom, "reactivate", { reason: "Back" }), 403);
    expect(problem).toMatchObject({
      type: "https://recovery-desk.example/problems/verification-insufficient",
      title: "The verification is not enough for this action",
      status: 403,
      code: "verification_insufficient",
      required: "code",
      evidence: ["knowledge"],
      detail:
        "Reactivating the account needs one code; the window has the security questions. Also verify with a code by text message, or a code by email.",
    });
    expect(await eventsOf(t.database.db, "account.reactivated")).toHaveLength(0);
    await verifyByCode(t, ava, tom, "otp_email", "tom.becker@example.com");
    expect((await act(tom, "reactivate", { reason: "Back" })).status).toBe(200);
  });

  it("refuses a temporary password on one SMS code and sends nothing; after the questions too, sends it", async () => {
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE);
    const problem = await problemOf(await sendPassword(), 403);
    expect(problem).toMatchObject({ code: "verification_insufficient", required: "two_with_code", evidence: ["sms"] });
    expect(problem.detail).toContain("Also verify with the security questions, or a code by email.");
    expect(await passwordsSent()).toBe(0);
    expect(await eventsOf(t.database.db, "account.temporary_password_issued")).toHaveLength(0);

    await verifyByQuestions(t, ava, kim, KIM_ANSWERS);
    expect((await sendPassword()).status).toBe(202);
    expect(await passwordsSent()).toBe(1);
    expect((await eventsOf(t.database.db, "account.temporary_password_issued")).at(-1)?.details).toMatchObject({
      evidence: ["knowledge", "sms"],
    });
  });

  it("does not count the questions twice, nor take two pieces without a code", async () => {
    await verifyByQuestions(t, ava, kim, KIM_ANSWERS);
    await verifyByQuestions(t, ava, kim, KIM_ANSWERS);
    const problem = await problemOf(await sendPassword(), 403);
    expect(problem).toMatchObject({ required: "two_with_code", evidence: ["knowledge"] });
    expect(problem.detail).toContain("Also verify with a code by text message, or a code by email.");
  });
});

describe("evidence in a window", () => {
  beforeEach(() => world());

  it("accumulates, and the window runs 15 minutes from the latest success", async () => {
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE);
    const first = t.clock.now().getTime();
    expect(await windowOf(kim)).toMatchObject({ evidence: ["sms"], method: "otp_sms" });

    t.clock.advance(10 * MINUTE);
    const started = await answerOf(
      await t
        .api(ava)
        .accounts[":id"].verifications.$post({ param: { id: kim }, json: { method: "security_questions" } }),
      201,
    );
    const passed = await t.api(ava).verifications[":id"].answers.$post({
      param: { id: started.id },
      json: { answers: (started.questions ?? []).map((q, i) => ({ questionId: q.id, answer: KIM_ANSWERS[i] ?? "" })) },
    });
    expect(await answerOf(passed, 200)).toEqual({
      status: "verified",
      verifiedUntil: new Date(first + 25 * MINUTE).toISOString(),
      evidence: ["knowledge", "sms"],
    });
    expect(await windowOf(kim)).toMatchObject({
      verificationId: started.id,
      method: "security_questions",
      caseRef: "CASE-7",
      evidence: ["knowledge", "sms"],
      verifiedUntil: new Date(first + 25 * MINUTE).toISOString(),
    });
    expect((await eventsOf(t.database.db, "verification.succeeded")).at(-1)?.details).toMatchObject({
      verificationId: started.id,
      evidence: ["knowledge", "sms"],
    });

    // Past the first success's 15 minutes, the window stays open on both pieces…
    t.clock.advance(14 * MINUTE);
    expect((await windowOf(kim))?.evidence).toEqual(["knowledge", "sms"]);
    // …and closes 15 minutes after the second.
    t.clock.advance(2 * MINUTE);
    expect(await windowOf(kim)).toBeNull();
    expect((await problemOf(await sendPassword(), 403)).code).toBe("verification_required");
  });

  it("starts afresh after the window has closed", async () => {
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE);
    t.clock.advance(16 * MINUTE);
    await verifyByQuestions(t, ava, kim, KIM_ANSWERS);
    expect((await windowOf(kim))?.evidence).toEqual(["knowledge"]);
  });

  it("does not add a method passed under another case", async () => {
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE, "CASE-1");
    await verifyByQuestions(t, ava, kim, KIM_ANSWERS, "CASE-2");
    expect(await windowOf(kim)).toMatchObject({ caseRef: "CASE-2", evidence: ["knowledge"] });
  });

  it("keeps the case of the window a method without a case is added to", async () => {
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE, "CASE-3");
    await verifyByQuestions(t, ava, kim, KIM_ANSWERS, null);
    expect(await windowOf(kim)).toMatchObject({ caseRef: "CASE-3", evidence: ["knowledge", "sms"] });
    expect((await sendPassword()).status).toBe(202);
  });

  it("is the agent's own: another agent's success adds nothing to it", async () => {
    const sam = await t.signIn("sam.supervisor");
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE);
    await verifyByQuestions(t, sam, kim, KIM_ANSWERS);
    expect((await windowOf(kim))?.evidence).toEqual(["sms"]);
    expect((await windowOf(kim, sam))?.evidence).toEqual(["knowledge"]);
    expect((await problemOf(await sendPassword(sam), 403)).code).toBe("verification_insufficient");
  });
});

describe("the nist preset", () => {
  beforeEach(() => world({ recoveryPolicy: recoveryPolicy("nist") }));

  it("needs a code to lift a lock", async () => {
    await verifyByQuestions(t, ava, maria, ["Biscuit", "San Antonio"]);
    expect(await problemOf(await act(maria, "unlock", { reason: "x" }), 403)).toMatchObject({
      required: "code",
      evidence: ["knowledge"],
    });
    await verifyByCode(t, ava, maria, "otp_email", "maria.lopez@example.com");
    expect((await act(maria, "unlock", { reason: "x" })).status).toBe(200);
  });

  it("needs codes on both channels for a temporary password", async () => {
    await verifyByCode(t, ava, kim, "otp_sms", KIM_PHONE);
    await verifyByQuestions(t, ava, kim, KIM_ANSWERS);
    const problem = await problemOf(await sendPassword(), 403);
    expect(problem).toMatchObject({ required: "two_codes", evidence: ["knowledge", "sms"] });
    expect(problem.detail).toContain("Also verify with a code by email.");
    await verifyByCode(t, ava, kim, "otp_email", KIM_EMAIL);
    expect((await sendPassword()).status).toBe(202);
  });
});
