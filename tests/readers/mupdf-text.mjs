// mupdf-text.mjs PDF: each page's text as MuPDF reads it today (its
// structured text, right-to-left lines in reading order), from the mupdf
// package of LAJNA_NODE_MODULES.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const mupdf = await import(pathToFileURL(`${process.env.LAJNA_NODE_MODULES}/mupdf/dist/mupdf.js`));
const document = mupdf.Document.openDocument(await readFile(process.argv[2]), "application/pdf");

for (let number = 0; number < document.countPages(); number++) {
  const page = document.loadPage(number);

  process.stdout.write(page.toStructuredText("preserve-whitespace").asText() + "\n");
}
