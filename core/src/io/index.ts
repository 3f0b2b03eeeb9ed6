// File formats (bytes in, bytes out): a separate entry point so the browser extension never bundles them.
export { type DraftBody, type DraftOptions, renderDraft } from "./docx-draft.ts";
export { type FillResult, fillDocx } from "./docx-fill.ts";
export { type DocxFixResult, fixDocx } from "./docx-fix.ts";
export { type DocxContent, type DocxControl, type ReadDocxOptions, readDocx } from "./docx-read.ts";
export { InputError, isInputError } from "./errors.ts";
export {
  annotateDocx,
  buildReviewCopy,
  type ReviewCopy,
  type ReviewInput,
  type ReviewOptions,
  reviewCopy,
} from "./review.ts";
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip.ts";
