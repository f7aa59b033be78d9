// The VS Code extension: its manifest, the packaged .vsix (what is inside, and what is not), and
// the client/server handshake with the very server bundle the .vsix ships.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./check.js";
import { TestClient } from "./lsp/client.js";

const ext = path.join(root, "vscode-extension");
const manifest = JSON.parse(readFileSync(path.join(ext, "package.json"), "utf8"));

describe("the extension manifest", () => {
  it("contributes the language, grammar, configuration, commands and settings; snippets come from the server only", () => {
    expect(manifest.contributes.languages[0]).toMatchObject({ id: "mlat", extensions: [".mlat"], configuration: "./language-configuration.json" });
    expect(manifest.contributes.grammars[0]).toMatchObject({ language: "mlat", scopeName: "source.mlat" });
    // Snippets are defined once, in the compiler, and served by the language server in completion:
    // a snippet file here too would show every snippet twice in VS Code.
    expect(manifest.contributes.snippets).toBeUndefined();
    for (const file of [manifest.contributes.grammars[0].path, manifest.contributes.languages[0].configuration, manifest.icon]) {
      expect(existsSync(path.join(ext, file)), file).toBe(true);
    }
    const config = JSON.parse(readFileSync(path.join(ext, "language-configuration.json"), "utf8"));
    expect(config.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(Object.keys(config)).toEqual(expect.arrayContaining(["brackets", "autoClosingPairs", "surroundingPairs", "indentationRules", "wordPattern"]));
    expect(manifest.contributes.commands.map((c: { command: string }) => c.command)).toEqual(["mlat.analyzeRuleAtCursor", "mlat.runScenariosInFile", "mlat.showPowerReport", "mlat.restartServer"]);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(["mlat.trace.server", "mlat.format.lineWidth", "mlat.server.path"]);
    expect(manifest.engines.vscode).toBe("^1.91.0");
  });
});

describe("the packaged .vsix", () => {
  it("holds the grammar, the configuration, the client and the server bundle, and no node_modules", () => {
    execFileSync("npm", ["run", "--silent", "package:vsix"], { cwd: root, stdio: "pipe" });
    const vsix = path.join(root, "dist/mlat-vscode.vsix");
    const files = execFileSync("unzip", ["-Z1", vsix], { encoding: "utf8" }).trim().split("\n").sort();
    expect(files).toEqual(
      [
        "[Content_Types].xml",
        "extension.vsixmanifest",
        "extension/LICENSE.txt",
        "extension/dist/extension.js",
        "extension/dist/server.js",
        "extension/images/icon.png",
        "extension/language-configuration.json",
        "extension/package.json",
        "extension/readme.md",
        "extension/syntaxes/mlat.tmLanguage.json",
      ].sort(),
    );
    expect(files.some((f) => f.includes("node_modules"))).toBe(false);
  }, 120_000);

  const VOTE = "state A\nstate B\nstate C\ninstitution Club {\n  members: { A, B, C }\n  body Council {\n    seats: members\n    rule simple: yes >= 2\n  }\n}\n";
  it("ships a server that answers the client handshake on its own", async () => {
    const server = path.join(ext, "dist/server.js");
    expect(existsSync(server)).toBe(true);
    const client = await TestClient.start({ "club.mlat": "state A\nstate B\ninstitution Club { members: { A, B } }\n" }, server);
    try {
      const d = await client.waitForDiagnostics(client.uri("club.mlat"), (p) => p.diagnostics.length > 0);
      expect(d.diagnostics.map((x) => x.code)).toEqual(["MLAT3006"]);
      const report = await client.request<{ html?: string }>("workspace/executeCommand", { command: "mlat.powerReport", arguments: [client.uri("club.mlat")] });
      expect(report.html).toContain("<!DOCTYPE html>");
      // A rule's analysis runs in a worker started from the bundled (CommonJS) server's own file.
      client.open("vote.mlat", VOTE, 1);
      await client.waitForDiagnostics(client.uri("vote.mlat"), (p) => p.version === 1);
      const analysis = await client.request<{ text: string }>("workspace/executeCommand", { command: "mlat.analyzeRule", arguments: ["Club.Council.simple", client.uri("vote.mlat")] });
      expect(analysis.text).toContain("4 of 8 coalitions win");
    } finally {
      await client.stop();
    }
  });
});
