// Lighthouse (npm, pinned in package.json) for scripts/benchmark.py, never for a test:
//
//   CHROME_PATH=/usr/bin/chromium node scripts/lighthouse.mjs jobs.json > results.json
//
// jobs.json is a list of {"url", "mode", "scheme", "action"}:
// - mode "navigate": a page load on Lighthouse's default mobile emulation and simulated throttling, with the
//   performance and accessibility categories: FCP, TBT, CLS, both scores;
// - mode "snapshot": the page loaded in a colour scheme ("light" or "dark"), then put in a state by `action`
//   ("answer": open a question's answer; "practice": start practice and show the answer; "search": type a query
//   and wait for results), then the accessibility category on what is on screen.
// Every result carries the ids of the audits that failed. Chromium is driven through puppeteer-core, the
// version Lighthouse itself depends on; it only ever loads the URLs given (a local server).
import fs from "node:fs";
import puppeteer from "puppeteer-core";
import { startFlow } from "lighthouse";

const CONFIG = { extends: "lighthouse:default", settings: { onlyCategories: ["performance", "accessibility"] } };
const ACTIONS = {
  async answer(page) {
    await page.click("article details.success > summary");
    await page.waitForFunction(() => document.querySelector("article details.success").open);
  },
  async practice(page) {
    await page.waitForSelector("article .qbank-practice__setup button[type=submit]", { visible: true });
    await page.click("article .qbank-practice__setup button[type=submit]");
    await page.waitForSelector("article .qbank-practice__card", { visible: true });
    await page.click("article .qbank-practice__bar .md-button--primary");
    await page.waitForSelector("article .qbank-practice__answer", { visible: true });
  },
  async search(page) {
    await page.click(".md-search__input");
    await page.type(".md-search__input", "RAG");
    await page.waitForFunction(() => document.querySelector(".md-search-result__list").children.length > 0);
  },
};

function failing(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
    .map((ref) => ref.id);
}

async function run(browser, job) {
  const page = await browser.newPage();
  try {
    if (job.mode === "navigate") {
      const flow = await startFlow(page, { config: CONFIG });
      await flow.navigate(job.url);
      const { lhr } = (await flow.createFlowResult()).steps[0];
      const audit = (id) => lhr.audits[id].numericValue;
      return {
        ...job, fcp: audit("first-contentful-paint"), tbt: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"), performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score, failing: failing(lhr, "accessibility"),
        runtimeError: lhr.runtimeError?.message,
        // what held the first paint back: render-blocking requests and the estimated milliseconds each cost
        renderBlocking: (lhr.audits["render-blocking-resources"].details?.items ?? [])
          .map((item) => `${item.url.split("/").slice(3).join("/")} ${Math.round(item.wastedMs)} ms`),
        // what moved: each layout shift's score and element
        layoutShifts: (lhr.audits["layout-shifts"]?.details?.items ?? [])
          .map((item) => `${item.score.toFixed(4)} ${item.node?.snippet ?? item.node?.selector ?? ""}`),
      };
    }
    await page.goto(job.url, { waitUntil: "networkidle0" });
    if (job.action) await ACTIONS[job.action](page);
    // Material fades content in: audit the colours the reader ends up seeing (a cancelled animation has ended too).
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))));
    const flow = await startFlow(page, { config: CONFIG });
    await flow.snapshot();
    const { lhr } = (await flow.createFlowResult()).steps[0];
    const scheme = await page.evaluate(() => document.body.dataset.mdColorScheme);
    return { ...job, renderedScheme: scheme, accessibility: lhr.categories.accessibility.score,
             failing: failing(lhr, "accessibility") };
  } catch (error) {
    return { ...job, error: String(error) };
  } finally {
    await page.close();
  }
}

// The colour scheme is the browser's own preference (Lighthouse resets page-level emulation): one browser per scheme.
const SCHEMES = { light: 1, dark: 0 }; // blink's PreferredColorScheme values
const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
const results = [];
for (const [scheme, value] of Object.entries(SCHEMES)) {
  const mine = jobs.filter((job) => (job.scheme ?? "light") === scheme);
  if (!mine.length) continue;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", `--blink-settings=preferredColorScheme=${value}`],
  });
  for (const job of mine) results.push(await run(browser, job));
  await browser.close();
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
