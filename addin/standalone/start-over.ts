import type { BooksSummary } from "../session/books-checks.js";
import type { Session } from "../session/session.js";
import type { Question } from "../session/session-state.js";
import type { BrowserWorkbookStore } from "./browser-store.js";

/** What "Start over" would erase, said before it happens. */
export function startOverQuestion(books: BooksSummary | null): Question {
  return {
    title: "Erase this browser's workbook and start over?",
    intro: books
      ? "The company kept in this browser will be erased. You can undo this once, from the start page, until you save a new company."
      : "The sheets kept in this browser will be erased.",
    lines: books
      ? [
          `${books.posted} posted document(s) (shipments and invoices)`,
          `${books.entries} ledger entries`,
          `${books.documents} open order(s) and invoice(s)`,
          `${books.customers} customer(s)`,
          "every sheet",
        ]
      : [],
    yes: "Erase and start over",
    no: "Keep my books",
    destructive: true,
  };
}

/** Asks, then empties the browser's workbook keeping the old one as the one undo. True: reload. */
export async function confirmStartOver(session: Session, store: BrowserWorkbookStore): Promise<boolean> {
  const books = session.state.phase === "open" ? await session.describeBooks() : null;
  if (!(await session.ask(startOverQuestion(books)))) return false;
  await store.startOver();
  return true;
}
