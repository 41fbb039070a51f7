// pdfjs-text.mjs PDF: each page's text as Firefox's find reads it: pdf.js's
// pieces of text one after the other, a line break where pdf.js ends a
// line, from the pdfjs-dist package of LAJNA_NODE_MODULES.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

// pdf.js warns on the console's standard output (of the canvas it does
// not need to read text): to standard error, apart from the text.
console.log = console.error;

const pdfjs = await import(pathToFileURL(`${process.env.LAJNA_NODE_MODULES}/pdfjs-dist/legacy/build/pdf.mjs`));
const data = new Uint8Array(await readFile(process.argv[2]));
const document = await pdfjs.getDocument({ data, verbosity: 0 }).promise;

for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  const { items } = await page.getTextContent({ disableNormalization: true });

  process.stdout.write(items.map((item) => item.str + (item.hasEOL ? "\n" : "")).join("") + "\n");
}
