// `npm run test:vscode`: the extension in a real VS Code (code-server 4.100.3 in headless
// Chromium). Installs code-server outside the project (about 3.5 minutes the first time), packs
// and installs the .vsix, opens a design with an error, and checks the language mode, TextMate
// colours, the error squiggle, the Problems count and a hover; saves a screenshot. Opt-in: not
// part of `npm test`.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const results = [];
const check = (name, ok, detail = "") => {
  results.push({ name, ok });
  console.log(`${ok ? "PASS" : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
};

console.log("packing the extension…");
execFileSync("npm", ["run", "--silent", "package:vsix"], { cwd: root, stdio: "inherit" });
console.log("installing code-server (cached after the first run)…");
const cs = execFileSync("bash", [path.join(root, "vscode-extension/test/e2e/install-code-server.sh")], { encoding: "utf8" }).trim().split("\n").pop();
const entry = path.join(cs, "node_modules/code-server/out/node/entry.js");

const work = mkdtempSync(path.join(tmpdir(), "mlat-vscode-"));
const folder = path.join(work, "designs");
mkdirSync(folder);
writeFileSync(
  path.join(folder, "club.mlat"),
  `/// The founding members
state FRA "France" { power: great }
state DEU "Germany" { power: great }
state ITA "Italy" { power: great }
group Founders = { FRA, DEU, Italy }

institution Club {
  members: Founders
  body Council {
    seats: members
    rule qualified: yes >= 2/3
  }
}
`,
);
const port = 18000 + Math.floor(Math.random() * 1000);
const config = path.join(work, "config.yaml");
writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const dirs = ["--user-data-dir", path.join(work, "user"), "--extensions-dir", path.join(work, "extensions")];
execFileSync(process.execPath, [entry, "--config", config, ...dirs, "--install-extension", path.join(root, "dist/mlat-vscode.vsix")], { stdio: "inherit" });
const server = spawn(process.execPath, [entry, "--config", config, ...dirs, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", folder], { stdio: "ignore" });

const browser = await chromium.launchPersistentContext(path.join(work, "chromium"), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`, { timeout: 10_000 });
      break;
    } catch (e) {
      if (i > 20) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
  await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "club.mlat" }).first().click({ timeout: 60_000 });
  await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });

  const language = page.locator(".statusbar-item", { hasText: /^mlat$/ });
  await language.first().waitFor({ timeout: 30_000 }).catch(() => undefined);
  check("language mode is mlat", (await language.count()) > 0);

  const squiggle = page.locator(".monaco-editor .squiggly-error");
  await squiggle.first().waitFor({ timeout: 60_000 }).catch(() => undefined);
  check("the unknown name gets an error squiggle", (await squiggle.count()) > 0);

  const stateWord = page.locator(".view-line span span", { hasText: /^state$/ }).first();
  const nameWord = page.locator(".view-line span span", { hasText: /^FRA$/ }).first();
  const [kw, name] = [await stateWord.evaluate((e) => getComputedStyle(e).color), await nameWord.evaluate((e) => getComputedStyle(e).color)];
  check("TextMate colours differ for keywords and names", kw !== name, `${kw} vs ${name}`);

  const problems = await page.locator("#status\\.problems, .statusbar-item[id*='problems']").first().textContent({ timeout: 10_000 }).catch(() => "");
  check("the Problems count shows one error", /1/.test(problems ?? ""), JSON.stringify(problems));

  await page.locator(".view-line", { hasText: "group Founders" }).first().click();
  await page.keyboard.press("End");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  const hover = page.locator(".monaco-hover", { hasText: "A name is used that is not declared" });
  await hover.first().waitFor({ state: "visible", timeout: 20_000 }).catch(() => undefined);
  const hoverText = (await hover.count()) ? await hover.first().innerText() : "";
  check("hover explains the error", /A name is used that is not declared/.test(hoverText ?? ""), (hoverText ?? "").replace(/\s+/g, " ").slice(0, 100));

  mkdirSync(path.join(root, "reports"), { recursive: true });
  await page.screenshot({ path: path.join(root, "reports/vscode-e2e.png") });
  copyFileSync(path.join(root, "reports/vscode-e2e.png"), path.join(work, "screenshot.png"));
} finally {
  await browser.close();
  server.kill();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
