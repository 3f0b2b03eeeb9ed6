import { tokens } from "@fluentui/react-components";

/** A row of a list the user clicks to go somewhere (a sheet's issue, a piece of evidence): one look in both panes. */
export const CLICKABLE_ROW = {
  display: "block",
  width: "100%",
  textAlign: "left",
  padding: "4px 8px",
  border: `1px solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  background: tokens.colorNeutralBackground1,
  cursor: "pointer",
  marginTop: "4px",
} as const;
