/**
 * Configuration entry point for Node callers (the CLI): parseConfig is pure, findConfig/loadConfig read the
 * disk. Browser code imports parse.ts directly.
 */
export { findConfig, loadConfig } from "./find.ts";
export {
  CONFIG_NAMES,
  type ConfigError,
  type ParsedConfig,
  parseConfig,
  RendaConfig,
  specProblems,
} from "./parse.ts";
