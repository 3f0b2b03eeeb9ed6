/** office-addin-mock imports only this enum from office-addin-manifest (a Node package): enough for a browser. */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
