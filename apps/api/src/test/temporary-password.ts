import { accountByUsername } from "./accounts.ts";
import { answerOf, type TestContext } from "./context.ts";
import { verifyByCode, verifyByQuestions } from "./verify.ts";

/**
 * Kim Nguyen's temporary password by SMS, as the default policy asks: the agent verifies her by an
 * SMS code, then by her questions (two pieces, one a code), then sends it. Returns the receipt.
 */
export async function sendKimTemporaryPassword(t: TestContext, agent: string) {
  const kim = (await accountByUsername(t.database.db, "kim.nguyen")).id;
  await verifyByCode(t, agent, kim, "otp_sms", "+15035550178");
  await verifyByQuestions(t, agent, kim, ["Mrs. Park", "Oak Avenue"]);
  const res = await t.api(agent).accounts[":id"]["temporary-password"].$post({
    param: { id: kim },
    json: { channel: "sms", reason: "Forgot the password" },
  });
  return answerOf(res, 202);
}
