// The provision a rule, body, seat class or principle comes from: an explicit `cite "…" at "…"`,
// or else the leading "Art. …" of its doc comment ("/// Art. 27(3): all other matters …"). Kept in
// the rule set so that every explanation can name its provision.
import type * as A from "../syntax/ast.js";

export interface CitationInfo {
  readonly text: string;
  readonly url?: string;
}

/** Words that mark a provision of a legal text. */
const PROVISION = /(?:^|[\s(])(?:Arts?\.|Articles?|Secs?\.|Sections?|§|Amendment|Chapter|Rules?|Paragraphs?|Paras?\.|Protocol)(?=[\s\d]|$)/;
/** "Art. 2(4), with …": an article reference alone at the start, before a comma or a space. */
const LEADING_ARTICLE = /^((?:[A-Z][A-Za-z]* )*(?:Arts?\.|Articles?)\s*[0-9IVXLCDM][0-9A-Za-z().:]*?)(?=[,;.]?(?:\s|$))/;

export function citationOf(decl: { readonly doc?: string; readonly cite?: A.Citation }): CitationInfo | undefined {
  if (decl.cite && decl.cite.text.trim()) return { text: decl.cite.text.trim(), ...(decl.cite.url ? { url: decl.cite.url } : {}) };
  return decl.doc ? citationFromDoc(decl.doc) : undefined;
}

/** The citation a doc comment starts with, if any: "Art. 27(3): …" → "Art. 27(3)". */
export function citationFromDoc(doc: string): CitationInfo | undefined {
  const first = doc.trimStart().split("\n")[0]!;
  // "Art. IX:1: failing consensus …", "Treaty of Rome, Art. 148(2): …", "Twelfth Amendment: …"
  const colon = first.indexOf(": ");
  if (colon > 0 && colon <= 60) {
    const prefix = first.slice(0, colon);
    if (PROVISION.test(prefix)) {
      // "Art. 148(2), other cases" names the article, then says which part of it.
      const cut = prefix.search(/, (?=[a-z])/);
      return { text: cut > 0 ? prefix.slice(0, cut) : prefix };
    }
  }
  const lead = LEADING_ARTICLE.exec(first);
  return lead ? { text: lead[1]! } : undefined;
}

/** The citation of a declaration site, spread into it. */
export function citeSite(decl: { readonly doc?: string; readonly cite?: A.Citation }): { cite?: CitationInfo } {
  const c = citationOf(decl);
  return c ? { cite: c } : {};
}
