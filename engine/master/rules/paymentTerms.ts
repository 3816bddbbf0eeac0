import type { PaymentTermsRow } from "../../db/schema/rows.generated.js";
import { percent } from "./common.js";
import type { TableRule } from "./types.js";

/** Payment Terms (table 3); the date formulas are already checked by the input parser. */
export const paymentTermsRules: TableRule<PaymentTermsRow>[] = [percent("discountPct")];
