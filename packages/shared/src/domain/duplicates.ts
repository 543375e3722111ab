import { normalizeName } from "../normalize/text.ts";
import { sameGivenName } from "./nicknames.ts";

/** What is compared between two accounts at one normalised address. */
export interface PersonFacts {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}

export interface DuplicateScore {
  /** 0–1: how likely the two accounts belong to one person. */
  score: number;
  /** Why, in words an agent reads: "same address", "same last name", "nickname of the first name" … */
  reasons: string[];
}

/** Edit distance between two short strings (names), for typo-tolerant comparison. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** Names within one typo of each other per five letters ("Jon"/"John", "Silva"/"Silvia"). */
function closeName(a: string, b: string): boolean {
  if (!a || !b) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 5));
}

const emailUser = (email: string) =>
  email
    .toLowerCase()
    .split("@")[0]
    ?.replace(/[^a-z0-9]/g, "") ?? "";

/**
 * Scores another account at the same normalised address: the address itself counts, and so
 * does each other fact that agrees — last name, first name (also as a nickname or with a typo),
 * phone and email.
 */
export function scoreDuplicate(a: PersonFacts, b: PersonFacts): DuplicateScore {
  const reasons = ["same address"];
  let score = 0.35;
  const lastA = normalizeName(a.lastName);
  const lastB = normalizeName(b.lastName);
  if (lastA === lastB) {
    score += 0.25;
    reasons.push("same last name");
  } else if (closeName(lastA, lastB)) {
    score += 0.15;
    reasons.push("similar last name");
  }
  const firstA = normalizeName(a.firstName);
  const firstB = normalizeName(b.firstName);
  if (firstA === firstB) {
    score += 0.2;
    reasons.push("same first name");
  } else if (sameGivenName(firstA, firstB)) {
    score += 0.15;
    reasons.push("first name is a nickname of the other");
  } else if (closeName(firstA, firstB)) {
    score += 0.1;
    reasons.push("similar first name");
  }
  if (a.phone && b.phone && a.phone === b.phone) {
    score += 0.12;
    reasons.push("same phone");
  }
  if (a.email && b.email) {
    if (a.email.toLowerCase() === b.email.toLowerCase()) {
      score += 0.08;
      reasons.push("same email");
    } else if (emailUser(a.email).length >= 4 && emailUser(a.email) === emailUser(b.email)) {
      score += 0.05;
      reasons.push("same email name");
    }
  }
  return { score: Math.round(Math.min(1, score) * 100) / 100, reasons };
}
