import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", destination) };
}

describe("createLogger", () => {
  it("redacts the secrets of the account sync, webhooks and settings wherever a logged object nests them", () => {
    const { lines, logger } = capture();
    const questions = [{ prompt: "In what city were you born?", answer: "San Antonio" }];
    logger.info(
      {
        securityQuestions: questions,
        body: { username: "maria.lopez", securityQuestions: questions },
        request: { body: { securityQuestions: questions } },
        webhook: { url: "https://hooks.example.com/in", secret: "whsec_c2VjcmV0LXNpZ25pbmcta2V5" },
        result: { temporaryPassword: "Plum-Tiger-42", newPassword: "Correct-Horse-9" },
        config: { metricsToken: "m3tr1cs-t0ken-abcdef" },
      },
      "request",
    );
    const line = lines.join("");
    for (const secret of ["San Antonio", "whsec_", "Plum-Tiger-42", "Correct-Horse-9", "m3tr1cs-t0ken"]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("In what city were you born?");
    expect(line).toContain("https://hooks.example.com/in");
  });
});
