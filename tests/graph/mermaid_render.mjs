// Renders Mermaid flowcharts in headless Chromium, as a Markdown viewer
// does: the Debian chromium (CHROMIUM, default /usr/bin/chromium), driven
// by puppeteer-core, with mermaid's own bundle (node_modules, the versions
// of package-lock.json). For each INPUT.mmd it writes INPUT.mmd.svg, or
// prints the error and exits 1: a syntax error (mermaid.parse) or a failed
// render.
//
// Usage: node mermaid_render.mjs INPUT.mmd...
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const bundle = require.resolve("mermaid/dist/mermaid.min.js");

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // root in CI has no user namespace sandbox; /dev/shm may be small.
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
let failed = 0;
try {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: bundle });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }));
  for (const [i, input] of process.argv.slice(2).entries()) {
    const text = readFileSync(input, "utf8");
    const result = await page.evaluate(async (text, id) => {
      try {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(id, text);
        return { svg };
      } catch (e) {
        return { error: String(e && e.message ? e.message : e) };
      }
    }, text, `graph${i}`);
    if (result.error) {
      console.error(`${input}: Mermaid error: ${result.error}`);
      failed = 1;
      continue;
    }
    writeFileSync(`${input}.svg`, result.svg);
    console.log(`${input}: rendered, ${result.svg.length} bytes of SVG`);
  }
} finally {
  await browser.close();
}
process.exit(failed);
