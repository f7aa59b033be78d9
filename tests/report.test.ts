// The report as a person sees it: rendered by headless Chromium (Debian's package, driven by
// playwright-core) with scripts disabled; the chart bars are there and their widths are
// proportional to power; a screenshot is kept in reports/ as a test artifact.
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { mlat, root } from "./check.js";

const browser = "/usr/bin/chromium";
const available = existsSync(browser);
// On CI the browser is installed by .ci/run, so a missing one is a failure there.
const maybe = available || process.env["CI"] ? describe : describe.skip;
if (!available && !process.env["CI"]) console.warn(`tests/report.test.ts: browser tests SKIPPED: no Chromium at ${browser} (apt-get install chromium; under CI this is a failure)`);

maybe("mlat report in a browser", () => {
  it("shows every rule's chart with bars proportional to power, without scripts", async () => {
    const out = path.join(root, "reports");
    mkdirSync(out, { recursive: true });
    const html = path.join(out, "eec-1958.html");
    expect(mlat(["report", "examples/eec-1958.mlat", "-o", html]).code).toBe(0);
    const b = await chromium.launch({
      executablePath: browser,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const context = await b.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(html).toString());
      expect(await page.locator("h1").textContent()).toBe("mlat report: eec-1958.mlat");
      expect(await page.locator("section.rule").count()).toBe(4);
      const bars = await page.locator("#rule-EEC\\.Council\\.qualified rect.bar.bz").evaluateAll((els) =>
        els.map((e) => ({ seat: e.getAttribute("data-seat"), value: e.getAttribute("data-value"), width: (e as unknown as { getBBox(): { width: number } }).getBBox().width })),
      );
      expect(bars.map((b) => [b.seat, b.value])).toEqual([["FRA", "5/21"], ["BEL", "1/7"], ["LUX", "0"]]);
      const ratio = (v: string) => v.split("/").map(Number).reduce((p, q) => p / q);
      for (const bar of bars) expect(bar.width / bars[0]!.width).toBeCloseTo(ratio(bar.value!) / ratio(bars[0]!.value!), 2);
      expect(await page.locator("#rule-EEC\\.Council\\.qualified .tag.dummy").textContent()).toBe("LUX");
      expect(await page.locator("table.matrix tr").count()).toBe(7);
      expect(await page.locator("#tests td.fail").count()).toBe(0);
      expect(await page.locator("section.bloc").count()).toBe(4);
      expect(await page.locator('section.bloc:has(h3:text-is("Benelux in EEC.Council.qualified"))').locator("tr", { hasText: "LUX" }).textContent()).toContain("gains by joining");
      await page.screenshot({ path: path.join(out, "eec-1958.png"), fullPage: true });
    } finally {
      await b.close();
    }
  }, 60_000);
});

describe("mlat graph", () => {
  it("writes Graphviz and Mermaid", () => {
    const dot = mlat(["graph", "examples/un.mlat"]);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph mlat \{/);
    expect(dot.stdout).toContain('"state:USA" -> "body:UN.SecurityCouncil" [label="permanent", color=steelblue];');
    expect(dot.stdout).toContain('"seats:UN.SecurityCouncil.elected" [label="elected × 10", shape=note];');
    const mermaid = mlat(["graph", "--format", "mermaid", "examples/eec-1958.mlat"]);
    expect(mermaid.stdout).toMatch(/^flowchart LR\n/);
    expect(mermaid.stdout).toContain('state_LUX(["LUX"]) --- inst_EEC');
  });
});
