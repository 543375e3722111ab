import type { ROLES } from "@recovery-desk/shared";
import { z } from "zod";
import type { TestContext } from "../context.ts";

/** The part of JSON Schema (2020-12, as the OpenAPI 3.1 document writes it) the API's schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

/** Who may call an operation, as the document states it in `x-access`. */
export type DocumentedAccess = "public" | (typeof ROLES)[number] | { role?: (typeof ROLES)[number]; scope?: string };

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
  "x-access"?: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
  /** `POST /api/v1/accounts/{id}/unlock`, for messages. */
  label: string;
  method: string;
  /** The path template as the document writes it, e.g. `/api/v1/accounts/{id}`. */
  path: string;
  access: DocumentedAccess | undefined;
  security: Record<string, string[]>[] | undefined;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON request body, when the operation takes one. */
  body: { required: boolean; mediaTypes: string[]; schema: JsonSchema } | undefined;
  /** The response statuses the document lists. */
  statuses: string[];
  changesState: boolean;
}

export async function loadDocument(t: TestContext): Promise<OpenApiDocument> {
  const res = await t.request("/api/openapi.json");
  if (res.status !== 200) throw new Error(`The OpenAPI document answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => {
        const parameters = (op.parameters ?? []).map((p) => ({ ...p, schema: inline(doc, p.schema) }));
        const json = op.requestBody?.content["application/json"];
        return {
          label: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          access: op["x-access"] as DocumentedAccess | undefined,
          security: op.security,
          pathParams: parameters.filter((p) => p.in === "path"),
          queryParams: parameters.filter((p) => p.in === "query"),
          body: json
            ? {
                required: op.requestBody?.required ?? false,
                mediaTypes: Object.keys(op.requestBody?.content ?? {}),
                schema: inline(doc, json.schema),
              }
            : undefined,
          statuses: Object.keys(op.responses),
          changesState: !["get", "head", "options"].includes(method),
        };
      }),
  );
}

/** Follows a `$ref` (and nested ones at the top) to the schema it names. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`The document has no schema ${current.$ref}`);
    current = target;
  }
  return current;
}

/** The schema with every `$ref` in it replaced by what it names (request schemas are not recursive). */
export function inline(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) throw new Error("A request schema nests too deep to inline");
  const own = resolve(doc, schema);
  const walk = (value: JsonSchema) => inline(doc, value, depth + 1);
  return {
    ...own,
    ...(own.properties
      ? { properties: Object.fromEntries(Object.entries(own.properties).map(([k, v]) => [k, walk(v)])) }
      : {}),
    ...(own.items ? { items: walk(own.items) } : {}),
    ...(own.anyOf ? { anyOf: own.anyOf.map(walk) } : {}),
    ...(own.oneOf ? { oneOf: own.oneOf.map(walk) } : {}),
    ...(own.allOf ? { allOf: own.allOf.map(walk) } : {}),
  };
}

/**
 * A validator for a schema of the document, built from the document itself (its `$ref`s point at
 * the document's components), so answers are checked against what the document promises.
 */
export function documentValidator(doc: OpenApiDocument, name: string): z.ZodType {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === "$ref" && typeof inner === "string"
            ? inner.replace("#/components/schemas/", "#/$defs/")
            : rewrite(inner),
        ]),
      );
    }
    return value;
  };
  const defs = rewrite(doc.components.schemas) as Record<string, unknown>;
  return z.fromJSONSchema({ $ref: `#/$defs/${name}`, $defs: defs } as Parameters<typeof z.fromJSONSchema>[0]);
}

/** The error codes the document lists in its problem schema. */
export function documentedErrorCodes(doc: OpenApiDocument): string[] {
  const code = doc.components.schemas.Problem?.properties?.code;
  return (code?.enum ?? []).map(String);
}
