// What completion offers: a label, its kind, and what to insert.
export type CompletionKind = "keyword" | "state" | "group" | "institution" | "body" | "rule" | "seatClass" | "weight" | "attribute" | "action" | "parameter" | "principle" | "value" | "snippet";

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText?: string;
  readonly snippet?: boolean;
}
