import fc from "fast-check";
import type { JsonSchema, Operation } from "./openapi.ts";

/**
 * Arbitraries derived from the OpenAPI document: for each schema, values it accepts (filled with
 * hostile text) and values it refuses (wrong types, out of range, too long, not in the enum, not
 * matching the pattern), and from those, whole requests.
 */

/** Text that has broken servers before: NUL, lone surrogates, direction marks, injection look-alikes. */
export const NASTY_TEXT = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83d",
  "\ude00y",
  "\u202eevil\u202c",
  "\u200f\u05e9\u05dc\u05d5\u05dd",
  "\u0645\u0631\u062d\u0628\u0627",
  "\ufeff",
  "\u200b\u200d",
  "\u2028\u2029",
  "\ud83d\udca5\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
  "e\u0301\u0301\u0301",
  "\u0130stanbul",
  "stra\u00dfe",
  "\ufb03",
  "\uff21\uff22\uff23",
  "\ud835\udd4f",
  "\r\n",
  "\t",
  " ",
  "'",
  '"',
  "\\",
  "%",
  "_",
  "%00",
  "%s%n",
  "'; drop table accounts; --",
  "' or 1=1 --",
  "$1",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a template is the point
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "null",
  "NaN",
  "-0",
  "1e309",
  "CASE-2026-0042",
  "acc_7Q2M4X9K",
  "maria.lopez",
  "kim.nguyen@example.com",
  "(217) 555-0142",
  "1200 Mian St",
  "rdk_",
  "*",
  "?",
  "#",
  "&",
  "=",
  "+",
  "/",
];

/** Any single UTF-16 unit, lone surrogate halves included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

const textPiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 6 }) },
);

/** Cut or pad to a length the schema allows (UTF-16 units, as the API's validation counts). */
function fit(text: string, min: number, max: number): string {
  let out = text.length > max ? text.slice(0, max) : text;
  // Lengths in the document count characters (code points): pad until there are enough of those.
  while ([...out].length < min) out += "a";
  return out;
}

/** Hostile text of an allowed length: snippets mixed together, or one of them repeated up to the limit. */
export function hostileText(min = 0, max = 2_000): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 5, arbitrary: fc.array(textPiece, { maxLength: 6 }).map((parts) => parts.join("")) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom("a", "\u0000", "\u00e9", "\ud83d\udca5", "\u202e", "'", "%")
          .map((unit) => unit.repeat(Math.ceil(Math.min(max, 20_000) / unit.length))),
      },
    )
    .map((text) => fit(text, min, max));
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return [...new Set(branches.flatMap(typesOf))];
  return [];
}

const MAX_INT = Number.MAX_SAFE_INTEGER;

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 5_000;
  if (schema.format === "date-time") {
    return fc
      .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (schema.format === "ipv4") return fc.ipV4();
  if (schema.format === "ipv6") return fc.ipV6();
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, "u");
    return fc
      .stringMatching(pattern)
      .map((text) => fit(text, min, max))
      .filter((text) => pattern.test(text));
  }
  return hostileText(min, max);
}

/** Values the schema accepts. */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map(validValue));
  const options = typesOf(schema).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case "null":
        return fc.constant(null);
      case "string":
        return stringValue(schema);
      case "integer":
        return fc.integer({
          min: Math.max(schema.minimum ?? -1e9, -MAX_INT),
          max: Math.min(schema.maximum ?? 1e9, MAX_INT),
        });
      case "number":
        return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
      case "boolean":
        return fc.boolean();
      case "array":
        return fc.array(validValue(schema.items ?? {}), {
          minLength: schema.minItems ?? 0,
          maxLength: schema.maxItems ?? 4,
        });
      case "object":
        return objectValue(schema);
      default:
        return fc.anything();
    }
  });
  return options.length ? fc.oneof(...options) : fc.anything();
}

function objectValue(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, validValue(inner)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

const BAD_DATES = [
  "yesterday",
  "2026-13-01T00:00:00Z",
  "2026-11-31T25:61:00Z",
  "2026-11-23",
  "23/11/2026 14:05",
  "0",
  "",
  "2026-11-23T14:05:00.000Z\u0000",
];
const BAD_IPS = ["999.1.1.1", "1.2.3", "not an ip", "::g", "1.2.3.4/24", "", "1.2.3.4\u0000"];

/** A value of each JSON type, to put where another type belongs. */
const JSON_TYPES: Record<string, fc.Arbitrary<unknown>> = {
  string: hostileText(0, 40),
  integer: fc.oneof(fc.integer(), fc.constantFrom(0, -1, MAX_INT, -MAX_INT)),
  number: fc.constantFrom(1.5, -0.25, 1e308, 5e-324),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 3 }),
  object: fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 })),
};

function wrongTypes(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const allowed = new Set(typesOf(schema));
  if (allowed.size === 0) return [];
  if (allowed.has("number")) allowed.add("integer");
  return Object.entries(JSON_TYPES)
    .filter(([type]) => !allowed.has(type))
    .map(([, arbitrary]) => arbitrary);
}

function tooLong(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(hostileText(0, 20), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1_000, max: 20_000 })))
    .map(([start, extra]) => start + "x".repeat(max + extra));
}

/**
 * Values the schema refuses, or undefined when it refuses none. Each is refused for one clear
 * reason, so a request that carries one must never be accepted.
 */
export function invalidValue(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const options: fc.Arbitrary<unknown>[] = [...wrongTypes(schema)];
  const types = typesOf(schema);
  if (schema.enum) {
    const allowed = schema.enum;
    options.push(
      fc
        .oneof(
          fc.constantFrom(...allowed.map((v) => String(v).toUpperCase()), ...allowed.map((v) => ` ${String(v)}`)),
          hostileText(0, 20),
        )
        .filter((v) => !allowed.includes(v)),
    );
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.every((b) => b.format === "ipv4" || b.format === "ipv6")) options.push(fc.constantFrom(...BAD_IPS));
  if (types.includes("string") && !schema.enum) {
    if (schema.maxLength !== undefined) options.push(tooLong(schema.maxLength));
    if ((schema.minLength ?? 0) > 0)
      options.push(fc.constant("".padEnd(schema.minLength ? schema.minLength - 1 : 0, "a")));
    if (schema.format === "date-time") options.push(fc.constantFrom(...BAD_DATES));
    if (schema.format === "ipv4" || schema.format === "ipv6") options.push(fc.constantFrom(...BAD_IPS));
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern, "u");
      options.push(hostileText(1, 40).filter((text) => !pattern.test(text)));
    }
  }
  if (types.includes("integer") || types.includes("number")) {
    if (types.includes("integer") && !types.includes("number")) options.push(fc.constantFrom(1.5, 0.1, -2.5));
    if (schema.minimum !== undefined) options.push(fc.constantFrom(schema.minimum - 1, schema.minimum - 1e6, -1e300));
    if (schema.maximum !== undefined) options.push(fc.constantFrom(schema.maximum + 1, 1e300));
  }
  if (types.includes("array")) {
    if ((schema.minItems ?? 0) > 0) options.push(fc.constant([]));
    if (schema.maxItems !== undefined && schema.items) {
      options.push(
        fc.array(validValue(schema.items), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 }),
      );
    }
    const badItem = schema.items && invalidValue(schema.items);
    if (badItem && schema.items) {
      options.push(
        fc
          .tuple(fc.array(validValue(schema.items), { maxLength: Math.max(0, (schema.maxItems ?? 3) - 1) }), badItem)
          .map(([good, bad]) => [...good, bad]),
      );
    }
  }
  if (types.includes("object")) {
    const missing = missingRequired(schema);
    if (missing) options.push(missing);
    const badField = invalidField(schema);
    if (badField) options.push(badField);
  }
  return options.length ? fc.oneof(...options) : undefined;
}

/** The object with one required property left out. */
function missingRequired(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> | undefined {
  const required = (schema.required ?? []).filter((key) => schema.properties?.[key]);
  if (!required.length) return undefined;
  return fc.tuple(objectValue(schema), fc.constantFrom(...required)).map(([value, key]) => {
    const { [key]: _left, ...rest } = value;
    return rest;
  });
}

/** The object with one property set to a value its schema refuses. */
function invalidField(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> | undefined {
  const candidates = Object.entries(schema.properties ?? {}).flatMap(([key, inner]) => {
    const bad = invalidValue(inner);
    return bad ? [bad.map((value) => [key, value] as const)] : [];
  });
  if (!candidates.length) return undefined;
  return fc
    .tuple(objectValue(schema), fc.oneof(...candidates))
    .map(([value, [key, bad]]) => ({ ...value, [key]: bad }));
}

// --- Text on the wire ---------------------------------------------------------------------------

function utf8Bytes(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  if (codePoint < 0x10000) {
    return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
  }
  return [
    0xf0 | (codePoint >> 18),
    0x80 | ((codePoint >> 12) & 0x3f),
    0x80 | ((codePoint >> 6) & 0x3f),
    0x80 | (codePoint & 0x3f),
  ];
}

/**
 * Percent-encodes text for a URL like encodeURIComponent, except that a lone surrogate is sent as
 * its (invalid) three UTF-8-style bytes instead of throwing, as a hostile client might.
 */
export function percentEncode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePoint = (codePoint - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      i++;
    }
    const char = String.fromCodePoint(codePoint);
    if (/^[A-Za-z0-9\-._~]$/.test(char)) out += char;
    else
      out += utf8Bytes(codePoint)
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`)
        .join("");
  }
  return out;
}

/** JSON text of an object from its members in order: keys such as `__proto__` stay plain members. */
export function objectText(members: ReadonlyArray<readonly [string, unknown]>): string {
  return `{${members.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`;
}

/** Path segments a URL parser or a decoder might trip on, sent as they are. */
export const RAW_SEGMENTS = [
  "%",
  "%zz",
  "%C3",
  "%ED%A0%80",
  "%00",
  "%2F",
  "%2e%2e",
  "..",
  "%20",
  "a%2Fb",
  "%25",
  ";x=1",
  "%FF%FE",
  "%E2%80%AE",
];

/** Members that try to reach an object's prototype. */
export const PROTOTYPE_MEMBERS: ReadonlyArray<readonly [string, unknown]> = [
  ["__proto__", { polluted: "yes", role: "admin" }],
  ["constructor", { prototype: { polluted: "yes" } }],
  ["prototype", { polluted: "yes" }],
  ["__proto__", ["admin"]],
  ["toString", "not a function"],
  ["hasOwnProperty", null],
];

const MALFORMED_JSON = [
  "{",
  "}",
  "{'reason': 'x'}",
  '{"reason": "x",}',
  '{"reason": NaN}',
  '{"reason": undefined}',
  "{reason: 1}",
  '{"reason": "x"} trailing',
  '{"reason": "\\x41"}',
  '{"reason": "\\ud800\\u"}',
  "/* comment */ {}",
  "nul",
  "[",
  "\u0000",
  '{"a":'.repeat(2_000),
  '"unterminated',
];

/** A request for one operation, before the caller's credential is added. */
export interface HostileRequest {
  /** What makes it hostile, e.g. `body.field` or `valid-ish`. */
  kind: string;
  pathValues: Record<string, string>;
  query: ReadonlyArray<readonly [string, string]>;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Real ids of the test world to put in path parameters, by the collection the path names. */
export type KnownIds = Record<string, string[]>;

function collectionOf(path: string, param: string): string {
  const parts = path.split("/");
  const at = parts.indexOf(`{${param}}`);
  return parts[at - 1] ?? "";
}

/**
 * A path parameter: a real id, hostile text (encoded), or with `raw`, a segment sent as it is,
 * which may name another route altogether (`..`) or not decode.
 */
function pathValue(op: Operation, name: string, schema: JsonSchema, ids: KnownIds, raw: boolean): fc.Arbitrary<string> {
  const known = ids[collectionOf(op.path, name)] ?? [];
  return fc.oneof(
    { weight: known.length ? 3 : 0, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant("x") },
    {
      weight: 3,
      arbitrary: hostileText(schema.minLength ?? 1, schema.maxLength ?? 64)
        .filter((text) => text.length > 0 && text !== "." && text !== "..")
        .map(percentEncode),
    },
    { weight: raw ? 1 : 0, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

const queryString = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

// --- Cursors ------------------------------------------------------------------------------------

/**
 * The members of a cursor the API gave out, when it is base64url of a JSON object; else none. The
 * fuzz knows nothing else of a cursor's inside: it takes real ones apart and puts hostile values in.
 */
function cursorMembers(cursor: string): Array<readonly [string, unknown]> {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : [];
  } catch {
    return [];
  }
}

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** Numbers no page position is: not whole, or past what a 64-bit column or a JS number holds exactly. */
const UNFIT_NUMBERS = ["1.5", "-0.5", "1e308", "1e400", "-1e400", "9007199254740993", "18446744073709551616"];
/** Strings no page position is: NUL and lone surrogates, which the database cannot hold. */
const UNSTORABLE_TEXT = ["\u0000", "a\u0000", "\ud800", "x\udfff", "\ud83d"].map((text) => JSON.stringify(text));

/** JSON text of a value of another type than `value`'s: an object, an array, a string, a number. */
function otherTypeText(value: unknown): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [
    fc.constantFrom("null", "true", "{}", "[]", '{"s":1}', "[1,2]", '{"__proto__":{"polluted":"yes"}}', "[[[[[]]]]]"),
  ];
  if (typeof value !== "string") options.push(hostileText(0, 40).map((text) => JSON.stringify(text)));
  if (typeof value !== "number") options.push(fc.integer().map(String));
  return fc.oneof(...options);
}

/** JSON text of an object from members whose values are JSON text already. */
const membersText = (members: ReadonlyArray<readonly [string, string]>) =>
  `{${members.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`;

/**
 * Cursors no list can take, whatever else the request says: text that is not base64url, or
 * base64url of something other than a page position (not JSON, not an object, a member of the wrong
 * type, NUL or a lone surrogate, a number that is not whole or too large, a member too many). Built
 * on the cursors the operation gave out, so each hostile value sits where a real one was.
 */
export function invalidCursor(cursors: readonly string[]): fc.Arbitrary<string> {
  const real = cursors.map(cursorMembers).filter((members) => members.length > 0);
  const asText = (members: ReadonlyArray<readonly [string, unknown]>) =>
    members.map(([key, value]) => [key, JSON.stringify(value)] as const);
  const encoded: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [
    {
      weight: 1,
      arbitrary: fc.constantFrom("not json", "{", '{"s":', "nul", "\u0000", "{}", "[]", "null", "0", '""', "[[[[]]]]"),
    },
    // Nested deeper than any position, yet short enough to pass the cursor's length limit.
    { weight: 1, arbitrary: fc.constantFrom('{"a":'.repeat(60), "[".repeat(300)) },
    { weight: 1, arbitrary: fc.constantFrom(...UNSTORABLE_TEXT, ...UNFIT_NUMBERS) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom("__proto__", "constructor", "s"), fc.constantFrom(...UNSTORABLE_TEXT)), {
          minLength: 1,
          maxLength: 3,
        })
        .map(membersText),
    },
  ];
  if (real.length) {
    const sample = fc.constantFrom(...real);
    // One member's value replaced by one of another type, an unstorable string or an unfit number.
    const replaced = sample.chain((members) =>
      fc.integer({ min: 0, max: members.length - 1 }).chain((at) => {
        const value = members[at]?.[1];
        const unfit = typeof value === "string" ? UNSTORABLE_TEXT : UNFIT_NUMBERS;
        return fc
          .oneof(otherTypeText(value), fc.constantFrom(...unfit))
          .map((text) => membersText(asText(members).map((m, i) => (i === at ? [m[0], text] : m))));
      }),
    );
    encoded.push(
      { weight: 6, arbitrary: replaced },
      // A member too many, a prototype key among them; or one left out.
      {
        weight: 2,
        arbitrary: fc
          .tuple(sample, fc.constantFrom(...PROTOTYPE_MEMBERS, ["extra", 1] as const, ["zz", "x"] as const))
          .map(([members, [key, value]]) => objectText([...members, [key, value]])),
      },
      { weight: 1, arbitrary: sample.map((members) => objectText(members.slice(1))) },
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...encoded).map(base64url) },
    {
      weight: 1,
      // Not base64url: standard base64 with its padding, percent signs, spaces, hostile text.
      arbitrary: fc
        .oneof(
          fc.constantFrom("%%%", "====", "eyJ1IjoiYSJ9==", "eyJ1Ijoi+/8ifQ", "a b", "*", "..", "\u00e9\u00e9"),
          hostileText(1, 60).filter((text) => !/^[A-Za-z0-9_-]*$/.test(text)),
        )
        .filter((text) => !encodesUnstorableText(text)),
    },
  );
}

/** Cursors of any kind for a list: the real ones, hostile ones, and real ones cut short or lengthened. */
export function anyCursor(cursors: readonly string[]): fc.Arbitrary<string> {
  const options: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [
    { weight: 4, arbitrary: invalidCursor(cursors) },
    // Well-formed JSON of any kind, base64url-encoded: some of it may be a position the list takes.
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.dictionary(
            fc.constantFrom("a", "i", "k", "n", "o", "s", "t", "u", "__proto__"),
            fc.jsonValue({ maxDepth: 1 }),
            {
              maxKeys: 3,
            },
          ),
        )
        .map((value) => base64url(JSON.stringify(value))),
    },
    { weight: 1, arbitrary: hostileText(0, 60) },
  ];
  if (cursors.length) {
    const sample = fc.constantFrom(...cursors);
    options.push(
      { weight: 1, arbitrary: sample },
      {
        weight: 1,
        arbitrary: fc
          .tuple(sample, fc.integer({ min: 1, max: 8 }), fc.constantFrom("", "A", "_", "-", "=="))
          .map(([cursor, cut, more]) => cursor.slice(0, -cut) + more),
      },
    );
  }
  return fc.oneof(...options);
}

/** Whether text holds a NUL or a lone surrogate, which the API refuses in any field before a cursor is read. */
function encodesUnstorableText(text: string): boolean {
  return encodesUnstorable(percentEncode(text));
}

/** Query strings a parameter's schema refuses (query values are text, so wrong types become text). */
function invalidQueryValue(schema: JsonSchema): fc.Arbitrary<string> | undefined {
  const types = typesOf(schema);
  const options: fc.Arbitrary<string>[] = [];
  if (types.includes("integer") || types.includes("number")) {
    const words = ["abc", "1.5", "NaN", "Infinity", "1e400", "--1", "1,5", "true", "[1]"];
    if ((schema.minimum ?? 0) > 0) words.push("", "0", "-1");
    if (schema.minimum !== undefined) words.push(String(schema.minimum - 1));
    if (schema.maximum !== undefined) words.push(String(schema.maximum + 1), "9".repeat(40));
    options.push(fc.constantFrom(...words));
  }
  if (types.includes("string")) {
    const bad = invalidValue(schema);
    if (bad) options.push(bad.filter((value): value is string => typeof value === "string"));
  }
  return options.length ? fc.oneof(...options) : undefined;
}

function validQuery(op: Operation, cursors: readonly string[]): fc.Arbitrary<Array<readonly [string, string]>> {
  const params = op.queryParams.map((p) =>
    fc.option(
      (p.name === "cursor" ? anyCursor(cursors) : validValue(p.schema)).map(
        (value) => [p.name, percentEncode(queryString(value))] as const,
      ),
      {
        nil: undefined,
      },
    ),
  );
  const extra = fc.array(
    fc
      .tuple(hostileText(1, 20), hostileText(0, 40))
      .map(([key, value]) => [percentEncode(key), percentEncode(value)] as const),
    { maxLength: 2 },
  );
  const raw = fc.array(
    fc.constantFrom(...RAW_SEGMENTS).map((value) => ["q", value] as const),
    { maxLength: 1 },
  );
  return fc
    .tuple(fc.tuple(...params), extra, raw)
    .map(([known, more, odd]) => [
      ...known.filter((pair): pair is readonly [string, string] => pair !== undefined),
      ...more.filter(([key]) => !KEY_LIKE_QUERY.includes(decodeSafely(key).toLowerCase())),
      ...(op.queryParams.length ? odd : []),
    ]);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Query parameters the API refuses outright because they would carry a key in the URL. */
export const KEY_LIKE_QUERY = ["api_key", "apikey", "key", "access_token", "token"];

const JSON_TYPES_FOR_BODY = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/merge-patch+json",
];

function validBody(op: Operation): fc.Arbitrary<{ body: string | undefined; contentType: string | undefined }> {
  if (!op.body) {
    if (!op.changesState) return fc.constant({ body: undefined, contentType: undefined });
    return fc.oneof(
      fc.constant({ body: undefined, contentType: undefined }),
      fc
        .tuple(fc.constantFrom("application/json", "text/plain"), hostileText(0, 200))
        .map(([contentType, text]) => ({ body: text, contentType })),
    );
  }
  const schema = op.body.schema;
  const extras = fc.array(
    fc.oneof(
      fc.constantFrom(...PROTOTYPE_MEMBERS),
      fc.tuple(hostileText(0, 20), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => [k, v] as const),
    ),
    { maxLength: 3 },
  );
  return fc
    .tuple(validValue(schema), extras, fc.constantFrom(...JSON_TYPES_FOR_BODY), fc.boolean())
    .map(([value, more, contentType, bom]) => {
      const members = value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : null;
      const text = members ? objectText([...members, ...more]) : JSON.stringify(value);
      return { body: (bom ? "\ufeff" : "") + text, contentType };
    });
}

const idempotencyKey = fc.stringMatching(/^[\x21-\x7e]{1,60}$/);

/**
 * Requests within what the document allows, carrying hostile text: the API may accept or refuse them.
 * `cursors` are ones the operation gave out, which its `cursor` parameter is made from.
 */
export function validishRequest(
  op: Operation,
  ids: KnownIds,
  rawPaths = true,
  cursors: readonly string[] = [],
): fc.Arbitrary<HostileRequest> {
  const path = fc.record(
    Object.fromEntries(op.pathParams.map((p) => [p.name, pathValue(op, p.name, p.schema, ids, rawPaths)])),
  ) as fc.Arbitrary<Record<string, string>>;
  return fc
    .tuple(
      path,
      validQuery(op, cursors),
      validBody(op),
      fc.option(idempotencyKey, { nil: undefined }),
      fc.option(fc.stringMatching(/^[\w.:-]{1,40}$/), { nil: undefined }),
    )
    .map(([pathValues, query, { body, contentType }, key, requestId]) => ({
      kind: "valid-ish",
      pathValues,
      query,
      headers: {
        ...(contentType ? { "content-type": contentType } : {}),
        ...(key && op.changesState ? { "idempotency-key": key } : {}),
        ...(requestId ? { "x-request-id": requestId } : {}),
      },
      body,
    }));
}

/** The problem codes a refused request may answer with, for each way of being wrong. */
export const REFUSALS = {
  "path.invalid": "validation_failed",
  "query.invalid": "validation_failed",
  "query.key-in-url": "validation_failed",
  "query.cursor": "validation_failed",
  "body.field": "validation_failed",
  "body.not-an-object": "validation_failed",
  "body.malformed-json": "validation_failed",
  "body.missing": "validation_failed",
  "body.content-type": "unsupported_media_type",
  "body.too-large": "payload_too_large",
  "header.idempotency-key": "validation_failed",
  "header.cross-origin": "forbidden",
} as const;
export type RefusalKind = keyof typeof REFUSALS;

/**
 * Requests the document says are wrong in exactly one way (listed in REFUSALS), built on a
 * valid-ish request. `withPrincipal` says whether the caller is signed in or holds a key: only
 * then does the API look at an Idempotency-Key.
 */
export function refusedRequest(
  op: Operation,
  ids: KnownIds,
  withPrincipal: boolean,
  cursors: readonly string[] = [],
): fc.Arbitrary<HostileRequest> | undefined {
  // The base must be right in every other way: no text the API refuses in the path or query.
  const base = validishRequest(op, ids, false, cursors).filter(
    (r) =>
      !Object.values(r.pathValues).some(encodesUnstorable) && !r.query.some(([, value]) => encodesUnstorable(value)),
  );
  const mutations: fc.Arbitrary<(request: HostileRequest) => HostileRequest>[] = [];
  const add = (kind: RefusalKind, change: fc.Arbitrary<(request: HostileRequest) => Omit<HostileRequest, "kind">>) =>
    mutations.push(change.map((apply) => (request: HostileRequest) => ({ ...apply(request), kind })));

  const pathChoices = op.pathParams.flatMap((p) => {
    const bad = invalidValue(p.schema);
    // An empty segment names another route, so only values of the wrong length are kept here.
    return bad
      ? [bad.filter((v): v is string => typeof v === "string" && v.length > 0).map((v) => [p.name, v] as const)]
      : [];
  });
  if (pathChoices.length) {
    add(
      "path.invalid",
      fc.oneof(...pathChoices).map(([name, value]) => (r) => ({
        ...r,
        pathValues: { ...r.pathValues, [name]: percentEncode(value) },
      })),
    );
  }
  const queryChoices = op.queryParams.flatMap((p) => {
    const bad = invalidQueryValue(p.schema);
    return bad ? [bad.map((value) => [p.name, value] as const)] : [];
  });
  if (queryChoices.length) {
    add(
      "query.invalid",
      fc.oneof(...queryChoices).map(([name, value]) => (r) => ({
        ...r,
        query: [...r.query.filter(([key]) => key !== name), [name, percentEncode(value)]],
      })),
    );
  }
  if (op.queryParams.some((p) => p.name === "cursor")) {
    add(
      "query.cursor",
      // With the other parameters, or alone, as for the next page of the whole list.
      fc.tuple(invalidCursor(cursors), fc.boolean()).map(([cursor, alone]) => (r) => ({
        ...r,
        query: [...(alone ? [] : r.query.filter(([key]) => key !== "cursor")), ["cursor", percentEncode(cursor)]],
      })),
    );
  }
  if (op.path.startsWith("/api/v1/")) {
    add(
      "query.key-in-url",
      fc
        .tuple(fc.constantFrom(...KEY_LIKE_QUERY), fc.constantFrom("rdk_x", "", "secret"))
        .map(([name, value]) => (r) => ({
          ...r,
          query: [...r.query, [name, value]],
        })),
    );
  }
  if (op.body) {
    const schema = op.body.schema;
    const jsonHeaders = (r: HostileRequest) => ({ ...r.headers, "content-type": "application/json" });
    const badValue = invalidValue(schema);
    if (badValue) {
      add(
        "body.field",
        fc
          .tuple(badValue, fc.array(fc.constantFrom(...PROTOTYPE_MEMBERS), { maxLength: 2 }))
          .map(([value, more]) => (r) => ({
            ...r,
            headers: jsonHeaders(r),
            body:
              value && typeof value === "object" && !Array.isArray(value)
                ? objectText([...Object.entries(value), ...more])
                : JSON.stringify(value),
          })),
      );
    }
    if (typesOf(schema).includes("object")) {
      add(
        "body.not-an-object",
        fc
          .oneof(
            validValue(schema).map((v) => [v]),
            fc.constantFrom([], "reason", 42, null, true, [[[]]]),
          )
          .map((value) => (r) => ({ ...r, headers: jsonHeaders(r), body: JSON.stringify(value) })),
      );
    }
    add(
      "body.malformed-json",
      fc
        .oneof(
          fc.constantFrom(...MALFORMED_JSON),
          validValue(schema).map((v) => {
            const text = JSON.stringify(v);
            return text.slice(0, Math.max(1, text.length - 1));
          }),
        )
        .map((text) => (r) => ({ ...r, headers: jsonHeaders(r), body: text })),
    );
    if (op.body.required) {
      add(
        "body.missing",
        fc.constant((r: HostileRequest) => {
          const { "content-type": _dropped, ...headers } = r.headers;
          return { ...r, headers, body: undefined };
        }),
      );
    }
    add(
      "body.content-type",
      fc
        .tuple(
          validValue(schema),
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "text/json",
            "application/jsonp",
            "",
          ),
        )
        .map(([value, contentType]) => (r) => ({
          ...r,
          headers: { ...r.headers, "content-type": contentType },
          body: JSON.stringify(value),
        })),
    );
    add(
      "body.too-large",
      fc.tuple(validValue(schema), fc.integer({ min: 66_000, max: 200_000 })).map(([value, size]) => (r) => ({
        ...r,
        headers: jsonHeaders(r),
        body: objectText([
          ...(value && typeof value === "object" ? Object.entries(value) : []),
          ["padding", "x".repeat(size)],
        ]),
      })),
    );
  }
  if (op.changesState) {
    if (withPrincipal) {
      add(
        "header.idempotency-key",
        fc
          .constantFrom("", " ", "two words", "x".repeat(256), "caf\u00e9", "tab\there")
          .map((key) => (r) => ({ ...r, headers: { ...r.headers, "idempotency-key": key } })),
      );
    }
    add(
      "header.cross-origin",
      fc
        .constantFrom<Record<string, string>>(
          { origin: "https://evil.example" },
          { origin: "null" },
          { "sec-fetch-site": "cross-site" },
          { origin: "http://localhost.evil.example" },
        )
        .map((extra) => (r) => ({ ...r, headers: { ...r.headers, ...extra } })),
    );
  }
  if (!mutations.length) return undefined;
  return fc.tuple(base, fc.oneof(...mutations)).map(([request, mutate]) => mutate(request));
}

/**
 * Whether percent-encoded text holds a NUL or a lone surrogate, which the API refuses in any field:
 * `%00`, or the bytes `ED A0`–`ED BF` that only a surrogate encodes to.
 */
function encodesUnstorable(encoded: string): boolean {
  return /%00|%ED%[AB][0-9A-F]/i.test(encoded);
}

/** The URL of a request: the path with its parameters put in, and the query. */
export function urlOf(op: Operation, request: HostileRequest): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => request.pathValues[name] ?? "x");
  const query = request.query.map(([key, value]) => (value === "" ? `${key}=` : `${key}=${value}`)).join("&");
  return query ? `${path}?${query}` : path;
}
