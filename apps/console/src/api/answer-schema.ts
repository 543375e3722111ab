/** A Standard Schema's verdict (https://standardschema.dev): the value read, or what is wrong. */
export type AnswerResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<unknown> };

/**
 * What checks an answer for apiFetch: any Standard Schema. The shared contract's zod schemas, the
 * first pages' contract schemas that load on first use (contract.ts) and the session check read
 * before the contract (early-checks.ts) are all one, passed as `schema: X`.
 */
export type AnswerSchema<T> = {
  readonly "~standard": { validate(value: unknown): AnswerResult<T> | Promise<AnswerResult<T>> };
};
