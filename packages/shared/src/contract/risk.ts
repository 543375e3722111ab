import { z } from "zod";
import { RISK_LEVELS, RISK_SIGNALS, type Risk } from "../domain/risk.ts";
import { Timestamp } from "./common.ts";

export const RiskLevelSchema = z.enum(RISK_LEVELS).meta({ id: "RiskLevel" });

export const RiskSignalSchema = z
  .object({
    code: z.enum(RISK_SIGNALS),
    level: RiskLevelSchema,
    reason: z.string().meta({
      description: "One sentence an agent can read out.",
      example: "The phone number on file changed yesterday.",
    }),
    since: Timestamp.nullable().meta({ description: "When the signal began; null when not known." }),
    effect: z.string().nullable().meta({
      description: "What the signal changes at the desk beyond its level, if anything.",
      example: "SMS codes and SMS temporary passwords are off for this account.",
    }),
  })
  .meta({ id: "RiskSignal" });

export const RiskSchema = z
  .object({
    level: RiskLevelSchema.meta({ description: "The highest level of its signals; `low` with none." }),
    signals: z.array(RiskSignalSchema).meta({ description: "Highest level first." }),
  })
  .meta({ id: "Risk" });
export type RiskView = z.infer<typeof RiskSchema>;

/** The domain's risk as the API answers it. */
export function presentRisk(risk: Risk): RiskView {
  return {
    level: risk.level,
    signals: risk.signals.map((s) => ({ ...s, since: s.since ? s.since.toISOString() : null })),
  };
}
