// The playground in a real browser (Debian's Chromium, driven by playwright-core): the built page,
// served on 127.0.0.1, with the language server and the analysis in Web Workers. What a person
// does: pick an example and read the power chart (the same Banzhaf values as `mlat analyze`), type
// a mistake and see it underlined and listed with its code, hover a name, complete a keyword,
// evaluate a vote, share a link and open it in a fresh page. No request may leave the page's origin.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mlat, root } from "./check.js";
import { decodeShare, encodeShare, isFileName } from "../playground/share.js";

const executable = "/usr/bin/chromium";
const available = existsSync(executable);
// Under CI the browser is installed by .ci/run, so a missing one is a failure there.
const maybe = available || process.env["CI"] ? describe : describe.skip;
if (!available && !process.env["CI"]) console.warn(`tests/playground.test.ts: browser tests SKIPPED: no Chromium at ${executable} (apt-get install chromium; under CI this is a failure)`);

let server: Server;
let origin = "";
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  if (!available && !process.env["CI"]) return;
  execFileSync(process.execPath, [path.join(root, "scripts/build-playground.mjs")], { env: { ...process.env, MLAT_QUIET: "1" } });
  const dir = path.join(root, "dist/playground");
  server = createServer((req, res) => {
    const file = path.join(dir, req.url === "/" ? "index.html" : (req.url ?? "").replace(/[?#].*$/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith(".html") ? "text/html" : file.endsWith(".css") ? "text/css" : "text/javascript";
    res.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: executable,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => requests.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as BrowserGlobal).document.body.dataset["ready"] === "1", null, { timeout: 10_000 });
  return page;
}

const visibleEditor = ".editor:not([hidden]) .cm-content";
// Functions run in the page see the browser's globals; the tests are type-checked without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BrowserGlobal = any;
const texts = (page: Page): Promise<Record<string, string>> => page.evaluate(() => (globalThis as BrowserGlobal).mlat.texts());
const bodyData = (page: Page, key: string): Promise<string | undefined> => page.evaluate((k) => (globalThis as BrowserGlobal).document.body.dataset[k], key);

/** Moves the mouse over the first (or last) occurrence of `word` in the visible editor. */
async function hoverWord(page: Page, word: string, last = false): Promise<void> {
  const box = await page.evaluate(
    ([selector, w, fromEnd]) => {
      const g = globalThis as BrowserGlobal;
      let found = null;
      const content = g.document.querySelector(selector!)!;
      const walker = g.document.createTreeWalker(content, g.NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(w!);
        if (at < 0) continue;
        const range = g.document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w!.length);
        const r = range.getBoundingClientRect();
        found = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        if (!fromEnd) return found;
      }
      return found;
    },
    [visibleEditor, word, last] as const,
  );
  if (!box) throw new Error(`\`${word}\` is not on screen`);
  await page.mouse.move(box.x, box.y);
}

/** Clicks the first (or last) occurrence of `word` in the visible editor. */
async function clickWord(page: Page, word: string, last = false): Promise<void> {
  await hoverWord(page, word, last);
  await page.mouse.down();
  await page.mouse.up();
}

maybe("the playground in Chromium", () => {
  it("shows the analysis of an example with the Banzhaf values of `mlat analyze`, flags a mistake within 1 s, hovers, completes, evaluates, shares", async () => {
    const started = Date.now();
    const page = await open(`${origin}/`);
    // The EU example opens first: time to its first diagnostics, for the closing note.
    await page.waitForFunction(() => (globalThis as BrowserGlobal).document.body.dataset["firstDiagnostics"] !== undefined, null, { timeout: 10_000 });
    const firstDiagnosticsMs = Number(await bodyData(page, "firstDiagnostics"));
    const loadMs = await page.evaluate(() => Math.round((globalThis as BrowserGlobal).performance.getEntriesByType("navigation")[0].loadEventEnd));
    const build = JSON.parse(readFileSync(path.join(root, "dist/playground/build.json"), "utf8")) as { bytes: number };
    mkdirSync(path.join(root, "reports"), { recursive: true });
    const pageOpenMs = Date.now() - started;

    // Pick an example: the EEC Council of 1958, whose values are published (FRA 5/21, LUX a dummy).
    await page.selectOption("#examples", "eec-1958.mlat");
    await page.waitForSelector("#analysis tr[data-seat]", { timeout: 10_000, state: "attached" });
    const rule = await page.locator("#rule").inputValue();
    const shown = Object.fromEntries(await page.locator("#analysis tr[data-seat]").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-seat"), r.getAttribute("data-banzhaf")] as const)));
    const cli = JSON.parse(mlat(["analyze", "examples/eec-1958.mlat", "--rule", rule, "--format", "json"]).stdout) as { rules: { banzhaf: Record<string, { normalized: string }> }[] };
    const expected = Object.fromEntries(Object.entries(cli.rules[0]!.banzhaf).map(([seat, b]) => [seat, b.normalized]));
    expect(shown).toEqual(expected);
    expect(Object.keys(shown).length).toBeGreaterThanOrEqual(6);
    expect(await page.locator("#analysis svg").count()).toBeGreaterThan(0);

    // Evaluate a vote (the design has no error yet): every seat yes, as `mlat eval --rest yes` does.
    await page.locator('[data-all="yes"]').click();
    await page.locator("#evaluate").click();
    await page.waitForSelector("#outcome", { timeout: 5_000 });
    const outcome = await page.locator("#outcome").textContent();
    const eval_ = mlat(["eval", "examples/eec-1958.mlat", "--rule", rule, "--rest", "yes", "--format", "json"]);
    expect(outcome).toBe((JSON.parse(eval_.stdout) as { outcome: string }).outcome);

    // Type a mistake: an unknown state. The squiggle and the Problems entry come within a second.
    await page.locator(visibleEditor).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\ngroup Broken = { NOPE }\n");
    const typed = Date.now();
    await page.waitForSelector(".cm-lintRange-error", { timeout: 5_000 });
    await page.waitForFunction(() => [...(globalThis as BrowserGlobal).document.querySelectorAll("#problems li")].some((li: BrowserGlobal) => li.textContent.includes("MLAT2001")), null, { timeout: 5_000 });
    const flaggedMs = Date.now() - typed;
    expect(flaggedMs, "ms from the last key to the squiggle and the Problems entry").toBeLessThan(1000);
    writeFileSync(path.join(root, "reports/playground-timing.json"), JSON.stringify({ firstDiagnosticsMs, loadMs, firstDiagnosticsAfterLoadMs: firstDiagnosticsMs - loadMs, pageOpenMs, bundleBytes: build.bytes, flaggedMs }, null, 2));
    expect(await page.locator("#problems li").first().textContent()).toMatch(/eec-1958\.mlat:\d+:\d+\s+MLAT2001\s+unknown state or group `NOPE`/);

    // Hover a state's name (at the top of the file): its title comes from the server.
    await page.keyboard.press("Control+Home");
    await page.waitForTimeout(100);
    await hoverWord(page, "LUX");
    await page.waitForSelector(".cm-tooltip-hover", { timeout: 5_000 });
    expect(await page.locator(".cm-tooltip-hover").textContent()).toMatch(/Luxembourg/);
    await page.mouse.move(5, 5);

    // Go to definition (F12): from the use of `Benelux` in a scenario to its declaration.
    await page.keyboard.press("Control+End");
    await page.waitForTimeout(100);
    await clickWord(page, "Benelux", true);
    await page.keyboard.press("F12");
    const declared = (await texts(page))["eec-1958.mlat"]!.split("\n").findIndex((l) => l.startsWith("group Benelux")) + 1;
    await page.waitForFunction((line) => (globalThis as BrowserGlobal).mlat.cursor().line === line, declared, { timeout: 5_000 });

    // Complete a keyword at the start of a line.
    await page.locator(visibleEditor).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("institu");
    await page.keyboard.press("Control+Space");
    await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 5_000 });
    expect(await page.locator(".cm-tooltip-autocomplete").textContent()).toMatch(/institution/);
    await page.keyboard.press("Escape");

    // Share: the link holds every tab's text, and a fresh page opened from it has the same.
    const before = await texts(page);
    expect(before["eec-1958.mlat"]).toContain("group Broken = { NOPE }");
    await page.locator("#share").click();
    const link = await page.locator("#share-link").inputValue();
    expect(link.startsWith(`${origin}/#v=1&d=`)).toBe(true);
    await page.screenshot({ path: path.join(root, "reports/playground.png") });
    const fresh = await open(link);
    expect(await texts(fresh)).toEqual(before);
    await fresh.waitForSelector("#problems li", { timeout: 10_000 });
    expect(await fresh.locator("#problems li").first().textContent()).toMatch(/MLAT2001/);

    // Nothing left the page's origin (the workers start from blob: URLs of the page).
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"));
    expect(outside).toEqual([]);
  });

  it("opens a damaged share link with a message and the default example, not a blank page; formats as `mlat fmt` does", async () => {
    const page = await open(`${origin}/#v=1&d=garbage`);
    expect(await page.locator("#status").textContent()).toMatch(/the link is damaged/);
    expect(Object.keys(await texts(page)).length).toBeGreaterThan(0);
    // Formatting (Shift-Alt-F) gives what `mlat fmt` gives for the same text.
    await page.locator(visibleEditor).click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("state   ZZZ   { population: 1 }\n");
    const [file, unformatted] = Object.entries(await texts(page))[0]!;
    const expected = mlat(["fmt", "-", "--stdin-filename", file], { input: unformatted });
    expect(expected.code).toBe(0);
    await page.keyboard.press("Shift+Alt+F");
    await page.waitForFunction((f) => (globalThis as BrowserGlobal).mlat.texts()[f].startsWith("state ZZZ {"), file, { timeout: 5_000 });
    expect((await texts(page))[file]).toBe(expected.stdout);
    const future = await open(`${origin}/#v=9&d=x`);
    expect(await future.locator("#status").textContent()).toMatch(/newer playground \(format 9\)/);
    expect(Object.keys(await texts(future)).length).toBeGreaterThan(0);
  });
});

describe("share links (playground/share.ts)", () => {
  const design = { files: [{ name: "un.mlat", text: 'use "./world.mlat"\n// ünïcode — ✓\n' }, { name: "world.mlat", text: "state USA\n" }], active: "world.mlat" };

  it("round-trip every tab, its order and the tab in front, in a fragment of URL-safe characters", () => {
    const fragment = encodeShare(design);
    expect(fragment).toMatch(/^#v=1&d=[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(fragment)).toEqual(design);
  });

  it.each([
    { note: "no fragment", fragment: "", want: undefined },
    { note: "a newer format", fragment: "#v=2&d=abc", want: { error: expect.stringMatching(/newer playground \(format 2\)/) } },
    { note: "a damaged design", fragment: "#v=1&d=%%%", want: { error: expect.stringMatching(/damaged/) } },
    { note: "a design cut short", fragment: encodeShare(design).slice(0, 30), want: { error: expect.stringMatching(/damaged/) } },
  ])("$note", ({ fragment, want }) => {
    expect(decodeShare(fragment)).toEqual(want);
  });

  it("never takes a tab name with a folder or another extension", () => {
    expect(isFileName("world.mlat")).toBe(true);
    for (const bad of ["../etc/passwd.mlat", "a/b.mlat", "x.js", ".mlat", ""]) expect(isFileName(bad), bad).toBe(false);
  });
});
