// The analysis side of the page: the power chart and facts of the rule under the cursor (or
// picked), a vote with one chip per seat, and the design's scenarios. Every answer comes from the
// analysis worker; this file only draws. Text from the design is escaped before it is drawn.
import { escapeHtml, percent, type Ballot, type RuleAnalysis, type TestResult, type VoteResult, type ConditionTrace } from "../compiler/index.js";
import type { AnalysisClient } from "./analysis-client.js";
import type { Design, RuleSummary } from "./analysis-requests.js";

const esc = escapeHtml;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const BALLOTS: readonly Ballot[] = ["yes", "no", "abstain", "absent"];

export class AnalysisPanel {
  private rules: readonly RuleSummary[] = [];
  private current: string | undefined;
  private ballots = new Map<string, Ballot>();
  private generation = 0;

  constructor(
    private readonly client: AnalysisClient,
    private readonly design: () => Design,
  ) {
    $<HTMLSelectElement>("rule").addEventListener("change", (e) => this.select((e.target as HTMLSelectElement).value, true));
    $("cancel").addEventListener("click", () => this.client.cancel("cancelled: the analysis was stopped"));
    $("evaluate").addEventListener("click", () => void this.evaluate());
    $("run-tests").addEventListener("click", () => void this.runTests());
    for (const b of document.querySelectorAll<HTMLButtonElement>("[data-all]"))
      b.addEventListener("click", () => {
        for (const seat of this.ballots.keys()) this.ballots.set(seat, b.dataset["all"] as Ballot);
        this.drawChips();
      });
  }

  /** The design changed: list its rules again, and re-analyse the chosen one. */
  async refresh(): Promise<void> {
    // The design changed: whatever is being counted for the old text is stopped.
    const generation = ++this.generation;
    if (this.client.busy) this.client.cancel("superseded");
    const answer = await this.client.ask({ kind: "rules", design: this.design() });
    if (generation !== this.generation) return;
    if ("error" in answer) {
      $("analysis").innerHTML = `<p class="muted">${esc(answer.error)}</p>`;
      return;
    }
    if (!("rules" in answer)) return;
    this.rules = answer.rules;
    const select = $<HTMLSelectElement>("rule");
    select.innerHTML = this.rules.map((r) => `<option value="${esc(r.id)}">${esc(r.id)}</option>`).join("");
    if (this.rules.length === 0) {
      $("analysis").innerHTML = `<p class="muted">The design has no decision rules.</p>`;
      return;
    }
    const keep = this.current && this.rules.some((r) => r.id === this.current) ? this.current : this.rules[0]!.id;
    this.current = undefined;
    await this.select(keep, false);
  }

  /** Shows a rule (from the list, the cursor or a code lens); analyses it unless it is shown already. */
  async select(rule: string, force: boolean): Promise<void> {
    if (!this.rules.some((r) => r.id === rule)) return;
    if (rule === this.current && !force) return;
    this.current = rule;
    const summary = this.rules.find((r) => r.id === rule)!;
    $<HTMLSelectElement>("rule").value = rule;
    $("rule-text").textContent = summary.text;
    const seats = new Set(summary.seats.map((s) => s.id));
    for (const s of [...this.ballots.keys()]) if (!seats.has(s)) this.ballots.delete(s);
    for (const s of summary.seats) if (!this.ballots.has(s.id)) this.ballots.set(s.id, "yes");
    this.drawChips();
    $("vote-result").innerHTML = "";
    await this.analyse(rule);
  }

  private async analyse(rule: string): Promise<void> {
    const generation = ++this.generation;
    // A question still being counted for another rule is stopped: only the latest one matters.
    if (this.client.busy) this.client.cancel("superseded");
    const target = $("analysis");
    target.innerHTML = `<p class="muted" id="progress">analysing…</p>`;
    $("cancel").hidden = false;
    const answer = await this.client.ask({ kind: "analyze", design: this.design(), rule }, (done, total) => {
      const p = document.getElementById("progress");
      if (p && generation === this.generation) p.textContent = `analysing… ${Math.floor((100 * done) / Math.max(1, total))}%`;
    });
    if (generation !== this.generation) return;
    $("cancel").hidden = true;
    if ("error" in answer) target.innerHTML = `<p class="fail">${esc(answer.error)}</p>`;
    else if ("analysis" in answer) target.innerHTML = drawAnalysis(answer.analysis, answer.chart);
  }

  private drawChips(): void {
    const summary = this.rules.find((r) => r.id === this.current);
    $("chips").innerHTML = (summary?.seats ?? [])
      .map((s) => `<button type="button" data-seat="${esc(s.id)}" data-ballot="${this.ballots.get(s.id) ?? "yes"}" title="${esc(s.name ?? s.id)}" aria-label="${esc(s.id)}: ${this.ballots.get(s.id) ?? "yes"}">${esc(s.id)}</button>`)
      .join("");
    for (const chip of $("chips").querySelectorAll<HTMLButtonElement>("button"))
      chip.addEventListener("click", () => {
        const seat = chip.dataset["seat"]!;
        const next = BALLOTS[(BALLOTS.indexOf(this.ballots.get(seat) ?? "yes") + 1) % BALLOTS.length]!;
        this.ballots.set(seat, next);
        chip.dataset["ballot"] = next;
        chip.setAttribute("aria-label", `${seat}: ${next}`);
      });
  }

  async evaluate(): Promise<void> {
    if (!this.current) return;
    const answer = await this.client.ask({ kind: "evaluate", design: this.design(), rule: this.current, ballots: Object.fromEntries(this.ballots) });
    const target = $("vote-result");
    if ("error" in answer) target.innerHTML = `<p class="fail">${esc(answer.error)}</p>`;
    else if ("vote" in answer) target.innerHTML = drawVote(answer.vote);
  }

  async runTests(): Promise<void> {
    const target = $("tests");
    target.innerHTML = `<p class="muted">running…</p>`;
    const answer = await this.client.ask({ kind: "test", design: this.design() });
    if ("error" in answer) target.innerHTML = `<p class="fail">${esc(answer.error)}</p>`;
    else if ("tests" in answer) target.innerHTML = drawTests(answer.tests);
  }
}

function drawAnalysis(a: RuleAnalysis, chart: string): string {
  const tags = (seats: readonly string[], cls: string) => (seats.length ? seats.map((s) => `<span class="tag ${cls}">${esc(s)}</span>`).join("") : `<span class="muted">none</span>`);
  const rows = a.players.map((p) => {
    const bz = a.banzhaf[p]!;
    const ss = a.shapleyShubik?.[p];
    return `<tr data-seat="${esc(p)}" data-banzhaf="${esc(bz.normalized)}"${ss ? ` data-shapley="${esc(ss)}"` : ""}><td>${esc(p)}</td><td>${percent(bz.normalized)}</td><td>${ss ? percent(ss) : "—"}</td><td>${esc(bz.swings)}</td></tr>`;
  });
  const classes = a.powerClasses.map((c) => `<li><b>${esc(c.class)}</b> (${c.seats.length} seat${c.seats.length === 1 ? "" : "s"}): ${c.canBlock ? "<span class=\"pass\">can block</span>" : "cannot block"}, ${c.canPassAlone ? "can pass alone" : "cannot pass alone"}</li>`);
  return [
    `<p class="small muted">${esc(a.method)} · ${esc(a.winningCoalitions)} of ${esc(a.totalCoalitions)} coalitions win · model: ${esc(a.model)} (seats vote yes or no)</p>`,
    chart,
    `<p><b>Veto players</b> ${tags(a.vetoPlayers, "veto")}</p>`,
    `<p><b>Dummies</b> ${tags(a.dummies, "dummy")}</p>`,
    classes.length ? `<p><b>Who can block?</b></p><ul class="small">${classes.join("")}</ul>` : "",
    a.shapleyShubikNote ? `<p class="small muted">Shapley–Shubik: ${esc(a.shapleyShubikNote)}</p>` : "",
    `<details><summary>Every seat</summary><table class="power"><tr><th>seat</th><th>Banzhaf</th><th>Shapley–Shubik</th><th>swings</th></tr>${rows.join("")}</table></details>`,
  ].join("");
}

function drawVote(v: VoteResult): string {
  const trace = (t: ConditionTrace): string => `<li class="${t.holds ? "holds" : "fails"}">${esc(t.text)}${t.children?.length ? `<ul class="trace">${t.children.map(trace).join("")}</ul>` : ""}</li>`;
  const cf = v.counterfactual;
  const verb = v.outcome === "rejected" ? "adopt" : "reject";
  return [
    `<p id="outcome" class="${v.outcome}">${v.outcome}</p>`,
    `<p class="small">yes ${v.tally.yes} · no ${v.tally.no} · abstain ${v.tally.abstain} · absent ${v.tally.absent}</p>`,
    v.quorum ? `<p class="small">${v.quorum.met ? "quorum met" : "<span class=\"fail\">no quorum</span>"}: ${esc(v.quorum.text)}</p>` : "",
    `<ul class="trace">${trace(v.conditions)}</ul>`,
    v.vetoedBy.length ? `<p>vetoed by: ${v.vetoedBy.map(esc).join(", ")}</p>` : "",
    cf ? `<p class="small">to ${verb} it: ${esc(cf.seats.length <= 8 ? cf.seats.join(", ") : `${cf.seats.slice(0, 6).join(", ")} and ${cf.seats.length - 6} more`)} would have to vote ${esc(cf.to)}${cf.smallest ? " (the smallest change)" : ""}</p>` : "",
  ].join("");
}

function drawTests(tests: readonly TestResult[]): string {
  if (tests.length === 0) return `<p class="muted">The design has no scenarios or assertions.</p>`;
  const failed = tests.filter((t) => !t.passed).length;
  const rows = tests.map((t) => `<li class="${t.passed ? "pass" : "fail"}">${t.passed ? "pass" : "FAIL"} · ${t.kind} <b>${esc(t.name)}</b>${t.messages.length ? `<br><span class="small">${t.messages.map(esc).join("<br>")}</span>` : ""}</li>`);
  return `<p id="test-summary">${tests.length - failed} passed, ${failed} failed</p><ul class="small">${rows.join("")}</ul>`;
}
