import "./risk-strip.css";
import type { AccountDetail, RiskLevel } from "@recovery-desk/shared";
import { AlertIcon, InfoIcon } from "../../ui/icons.tsx";

/** What each level means at the desk; the same words as the API's (shared RISK_LEVEL_EFFECTS), kept here so the page chunk stays small. */
const LEVEL_WORDS: Record<RiskLevel, { title: string; effect: string }> = {
  low: { title: "Risk: low", effect: "No warning signs on this account." },
  elevated: {
    title: "Risk: elevated",
    effect: "Take care: confirm the caller's story before any recovery action.",
  },
  high: {
    title: "Risk: high",
    effect: "Take great care: verify the caller by a code and ask a supervisor before any recovery action.",
  },
};

/**
 * The account's risk at the top of its page: one calm line at `low`, a clear box at `elevated`,
 * an unmissable one at `high` — always in words (the level is written out, never colour alone),
 * with each signal's reason to read out and what it changes.
 */
export function RiskStrip({ risk }: Pick<AccountDetail, "risk">) {
  const words = LEVEL_WORDS[risk.level];
  if (risk.level === "low") {
    return (
      <section className="risk-strip risk-strip--low" aria-label="Account risk">
        <p>
          <strong>{words.title}.</strong> {words.effect}
          {risk.signals.map((s) => ` ${s.reason}`).join("")}
        </p>
      </section>
    );
  }
  const Icon = risk.level === "high" ? AlertIcon : InfoIcon;
  return (
    <section className={`risk-strip risk-strip--${risk.level}`} aria-labelledby="risk-heading">
      <Icon className="risk-strip__icon" />
      <div className="risk-strip__body">
        <h2 id="risk-heading" className="risk-strip__title">
          {words.title}
        </h2>
        <p className="risk-strip__effect">{words.effect}</p>
        <ul className="risk-strip__signals">
          {risk.signals.map((signal) => (
            <li key={signal.code}>
              <span className="risk-strip__level">
                {signal.level === "high" ? "High" : signal.level === "elevated" ? "Elevated" : "Note"}:
              </span>{" "}
              {signal.reason}
              {signal.effect ? <strong className="risk-strip__changes"> {signal.effect}</strong> : null}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
