// The packs' schema, their validation, and the built-in packs (each in its own module: the command-line
// bundle swaps builtin.ts for the data validated at build time, see scripts/build.mjs).
export { BUILTIN_PACKS } from "./builtin.ts";
export { loadPack } from "./load.ts";
export * from "./schema.ts";
