// Runs the Promise-only converters (pdf.js via unpdf, mammoth, JSZip) for convert.ts, which waits
// for each answer synchronously so that reading a document stays one synchronous step.
import { parentPort } from "node:worker_threads";
import JSZip from "jszip";
import mammoth from "mammoth";
import { extractTextItems, getDocumentProxy, getMeta } from "unpdf";

const INFO_KEYS = ["Title", "Author", "CreationDate"];

async function convertPdf(bytes) {
  // Verbosity 0: errors only; pdf.js warnings about damaged files would go to the console, not the report.
  const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  try {
    const { items } = await extractTextItems(pdf);
    const { info } = await getMeta(pdf, { parseDates: false });
    const pages = items.map((page) =>
      page.map(({ str, x, y, width, height, fontSize }) => ({ str, x, y, width, height, fontSize })),
    );
    const kept = Object.fromEntries(INFO_KEYS.filter((key) => typeof info?.[key] === "string").map((key) => [key, info[key]]));
    return { pages, info: kept };
  } finally {
    await pdf.destroy();
  }
}

async function convertDocx(bytes) {
  const buffer = Buffer.from(bytes);
  // Word's "Title" style is the document's heading; mammoth maps only "Heading n" by default.
  const { value } = await mammoth.convertToHtml({ buffer }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
  const zip = await JSZip.loadAsync(buffer);
  const core = (await zip.file("docProps/core.xml")?.async("string")) ?? null;
  return { html: value, core };
}

parentPort.on("message", async ({ signal, port, format, bytes }) => {
  let answer;
  try {
    answer = { result: format === "pdf" ? await convertPdf(bytes) : await convertDocx(bytes) };
  } catch (err) {
    answer = { error: { name: err?.name ?? "Error", message: String(err?.message ?? err) } };
  }
  port.postMessage(answer);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
