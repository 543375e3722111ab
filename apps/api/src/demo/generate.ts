import { base, en, en_US, Faker } from "@faker-js/faker";
import type { RandomBytes } from "../lib/ids.ts";
import { type DemoAccount, type DemoAddress, PERSONAS, PROMPTS } from "./personas.ts";

/** The seed of the demo world: the same seed gives the same accounts every time. */
export const DEMO_SEED = 20_261_123;

/** Generated dates are placed relative to this fixed day, so they do not drift between loads. */
export const DEMO_ANCHOR = new Date("2026-11-01T12:00:00.000Z");

const DAY_MS = 86_400_000;

/**
 * A small pool of answers per prompt. Generated accounts draw from it, so loading the world
 * hashes each distinct answer once rather than 4,000 times.
 */
const ANSWER_POOLS: Record<string, string[]> = {
  [PROMPTS.firstPet]: ["Max", "Bella", "Charlie", "Lucy", "Cooper", "Daisy", "Rocky", "Molly", "Buddy", "Coco"],
  [PROMPTS.cityOfBirth]: [
    "Chicago",
    "Denver",
    "Boston",
    "Atlanta",
    "Phoenix",
    "Omaha",
    "Tulsa",
    "Fresno",
    "Dayton",
    "Reno",
  ],
  [PROMPTS.mothersMaidenName]: [
    "Miller",
    "Davis",
    "Garcia",
    "Wilson",
    "Moore",
    "Taylor",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
  ],
  [PROMPTS.firstCar]: ["Ford", "Toyota", "Honda", "Chevrolet", "Nissan", "Dodge", "Subaru", "Mazda", "Buick", "Jeep"],
  [PROMPTS.highSchool]: ["Central High", "Roosevelt High", "Jefferson High", "Kennedy High", "Washington High"],
  [PROMPTS.favouriteTeacher]: ["Mr. Brown", "Mrs. Green", "Ms. Hall", "Mr. King", "Mrs. Scott"],
  [PROMPTS.firstStreet]: ["Maple Street", "Cedar Lane", "Pine Road", "Elm Avenue", "Hill Drive"],
};

const SUFFIX_VARIANTS: Record<string, string> = {
  Street: "St.",
  Avenue: "Ave",
  Road: "Rd",
  Drive: "Dr.",
  Lane: "Ln",
  Court: "Ct",
  Boulevard: "Blvd",
  Place: "Pl",
};

export interface GeneratedWorld {
  accounts: DemoAccount[];
  /** Seeded random bytes for ids, so ids are the same on every load too. */
  randomBytes: RandomBytes;
}

/** Builds the personas plus `count` generated accounts from the fixed seed. */
export function generateDemoWorld(count: number, seed = DEMO_SEED): GeneratedWorld {
  const f = new Faker({ locale: [en_US, en, base], seed });
  const taken = new Set(PERSONAS.map((p) => p.username));
  const personaNames = new Set(PERSONAS.map((p) => `${p.firstName} ${p.lastName}`));
  const accounts: DemoAccount[] = [...PERSONAS];

  const uniqueUsername = (first: string, last: string): string => {
    const stem = `${first}.${last}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
    for (let n = 0; ; n++) {
      const candidate = n === 0 ? stem : `${stem}${f.number.int({ min: 1, max: 9999 })}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const questions = (): DemoAccount["questions"] => {
    const [p1, p2] = f.helpers.arrayElements(Object.keys(ANSWER_POOLS), 2) as [string, string];
    return [
      { prompt: p1, answer: f.helpers.arrayElement(ANSWER_POOLS[p1] ?? []) },
      { prompt: p2, answer: f.helpers.arrayElement(ANSWER_POOLS[p2] ?? []) },
    ];
  };
  const phone = (): string =>
    `+1${f.helpers.arrayElement(["217", "312", "503", "207", "512", "617", "303", "404"])}555${f.string.numeric(4)}`;
  const dateBetween = (from: Date, to: Date) => f.date.between({ from, to }).toISOString();

  while (accounts.length < PERSONAS.length + count) {
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    if (personaNames.has(`${firstName} ${lastName}`)) continue;
    const createdAt = dateBetween(new Date("2012-01-01T00:00:00Z"), new Date(DEMO_ANCHOR.getTime() - 30 * DAY_MS));
    const address: DemoAddress = {
      line1: f.location.streetAddress(),
      ...(f.datatype.boolean(0.3)
        ? { line2: `Apt ${f.number.int({ min: 1, max: 40 })}${f.helpers.arrayElement(["", "A", "B"])}` }
        : {}),
      city: f.location.city(),
      state: f.location.state({ abbreviated: true }),
      zip: f.location.zipCode("#####"),
    };
    const roll = f.number.float({ min: 0, max: 1 });
    const recent = dateBetween(new Date(DEMO_ANCHOR.getTime() - 400 * DAY_MS), DEMO_ANCHOR);
    const stale = dateBetween(
      new Date(DEMO_ANCHOR.getTime() - 9 * 365 * DAY_MS),
      new Date(DEMO_ANCHOR.getTime() - 3.2 * 365 * DAY_MS),
    );
    const state: DemoAccount["state"] =
      roll < 0.03
        ? {
            status: "locked",
            kind: f.datatype.boolean() ? "hard" : "temporary",
            failedLogins: 5,
            minutesAgo: f.number.int({ min: 2, max: 25 }),
          }
        : roll < 0.07
          ? { status: "deactivated", lastActivityAt: stale }
          : roll < 0.075
            ? { status: "closed" }
            : { status: "active" };
    const account: DemoAccount = {
      username: uniqueUsername(firstName, lastName),
      firstName,
      lastName,
      email:
        `${firstName}.${lastName}.${f.string.numeric(3)}@${f.helpers.arrayElement(["example.com", "example.net", "example.org"])}`.toLowerCase(),
      emailVerified: f.datatype.boolean(0.85),
      phone: f.datatype.boolean(0.7) ? phone() : null,
      phoneVerified: false,
      state,
      lastActivityAt:
        state.status === "deactivated" ? state.lastActivityAt : ([recent, createdAt].sort().at(-1) ?? recent),
      createdAt: state.status === "deactivated" && stale < createdAt ? stale : createdAt,
      address,
      questions: questions(),
    };
    account.phoneVerified = account.phone !== null && f.datatype.boolean(0.7);
    accounts.push(account);

    // About one account in fifty has a second account by the same person at the same address, written differently.
    if (state.status === "active" && f.datatype.boolean(0.02) && accounts.length < PERSONAS.length + count) {
      accounts.push({
        ...account,
        username: uniqueUsername(firstName, `${lastName}${f.number.int({ min: 60, max: 99 })}`),
        email: `${firstName.slice(0, 1)}${lastName}${f.string.numeric(2)}@example.net`.toLowerCase(),
        phone: account.phone,
        createdAt: dateBetween(new Date(createdAt), DEMO_ANCHOR),
        address: variantOf(address),
        questions: questions(),
      });
    }
  }

  return {
    accounts,
    randomBytes: (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = f.number.int(255);
    },
  };
}

/** The same address as a person might type it a second time: suffix abbreviated, unit as `#`, ZIP+4. */
function variantOf(address: DemoAddress): DemoAddress {
  const words = address.line1.split(" ");
  const last = words.at(-1) ?? "";
  const line1 = [...words.slice(0, -1), SUFFIX_VARIANTS[last] ?? last].join(" ");
  const unit = address.line2?.replace(/^Apt\s*/i, "#");
  return {
    line1: unit ? `${line1} ${unit}` : line1,
    city: address.city.toUpperCase(),
    state: address.state,
    zip: `${address.zip}-${String(1000 + ((address.line1.length * 37) % 9000))}`,
  };
}
