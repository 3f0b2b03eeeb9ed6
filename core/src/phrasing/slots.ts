/**
 * The slot contract now lives in the drafting layer (draft/slots.ts), below both phrasing and io; this
 * re-export keeps phrasing code that names "./slots.ts" working.
 */
export { SLOT_TAG_PREFIX, type SlotContent, type SlotMap } from "../draft/slots.ts";
