export * from "./address.ts";
export * from "./mask.ts";
export * from "./phone.ts";
export * from "./text.ts";
export { suffixAbbreviation } from "./usps-suffixes.ts";
export * from "./zip.ts";
