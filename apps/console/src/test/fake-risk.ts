import type { RiskView } from "@recovery-desk/shared";

/** Risks the fake API gives the personas, one a level, as the real API words them. */
export const lowRisk: RiskView = { level: "low", signals: [] };

export const elevatedRisk: RiskView = {
  level: "elevated",
  signals: [
    {
      code: "verification_failures",
      level: "elevated",
      reason: "1 failed verification attempt in the last 24 hours, across all agents.",
      since: "2026-11-20T15:10:00.000Z",
      effect: null,
    },
  ],
};

export const highRisk: RiskView = {
  level: "high",
  signals: [
    {
      code: "sim_swap",
      level: "high",
      reason: "The carrier reports a new SIM on the phone on file 2 days ago.",
      since: "2026-11-18T09:12:00.000Z",
      effect: "SMS codes and SMS temporary passwords are off for this account.",
    },
    {
      code: "recent_recovery",
      level: "elevated",
      reason: "The desk recovered this account 3 days ago: the account was unlocked.",
      since: "2026-11-17T11:00:00.000Z",
      effect: null,
    },
  ],
};
