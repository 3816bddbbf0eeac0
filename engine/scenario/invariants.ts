// The ledger checks live with Verify books; the scenario runner applies the same ones after each file.
export * from "../audit/invariants.js";
