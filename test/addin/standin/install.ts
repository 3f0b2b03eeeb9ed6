import { afterEach, beforeEach } from "vitest";
import { type WordModel, wordHost, wordOffice } from "./word.ts";

/**
 * The stand-in as the globals Word and Office for a test file: a fresh model before each test (`install`
 * swaps in another mid-test), removed after each. `current()` gives the model and host of the running test.
 */
export function wordStandin(initial: () => WordModel) {
  const g = globalThis as Record<string, unknown>;
  let state: { model: WordModel; host: ReturnType<typeof wordHost> } | undefined;
  const install = (model: WordModel) => {
    state = { model, host: wordHost(model) };
    g.Word = state.host;
    g.Office = wordOffice(model);
  };
  beforeEach(() => install(initial()));
  afterEach(() => {
    delete g.Word;
    delete g.Office;
  });
  return {
    install,
    current: () => {
      if (!state) throw new Error("wordStandin: no test is running");
      return state;
    },
  };
}
