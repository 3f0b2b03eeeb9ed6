import { createRoot } from "react-dom/client";
import { coreSlots } from "./logic/slots.ts";
import { excel } from "./office/excel.ts";
import { detectHost, officeReady } from "./office/host.ts";
import { featureSupport } from "./office/requirements.ts";
import { settings } from "./office/settings.ts";
import { word } from "./office/word.ts";
import { App } from "./ui/App.ts";
import { h } from "./ui/h.ts";
import { browserDownload } from "./ui/services.ts";

await officeReady();
const host = detectHost();
createRoot(document.getElementById("root")!).render(
  h(App, {
    host,
    word,
    excel,
    settings,
    services: { buildSlots: coreSlots, download: browserDownload },
    features: host === "none" ? [] : featureSupport(host),
    // A report reviews last year; drafting starts at the turn of the year.
    defaultYear: new Date().getFullYear() - 1,
  }),
);
