export {
  COVERED_AT,
  type ComparedItem,
  type CompareInput,
  type CompareOptions,
  type CompareResult,
  compareDocuments,
  type DocumentSide,
  type Evidence,
  GRADE_NAMES,
  type Grade,
  PARTIAL_AT,
  type Unplanned,
} from "./compare.ts";
export {
  type CheckedComparison,
  type CompareFile,
  comparePair,
  emptyProblem,
  pairProblem,
  planProblem,
  recogniseSide,
  type SideRecognition,
} from "./pair.ts";
export { type Passage, type PlanItem, planItems, reportPassages } from "./split.ts";
export { GENERIC_WORDS, termsOf } from "./terms.ts";
