export * from "./text.ts";
export * from "./phone.ts";
export * from "./zip.ts";
export * from "./mask.ts";
export * from "./address.ts";
