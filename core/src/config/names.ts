/** Names a config file may have, in the order `findConfig` looks for them. */
export const CONFIG_NAMES = ["renda.config.json", "renda.config.jsonc"] as const;
