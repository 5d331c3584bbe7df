/** Responses of the playbook methods (src/app/rpc/playbook.ts). */
export interface PlaybookView {
  dealId: string;
  /** The deal's current stage. */
  stage: string;
  /** null: the stage has no playbook (or the deal is closed). */
  playbook: {
    todo: string;
    exit: string;
    strict: boolean;
    items: Array<{ item: string; ticked: boolean }>;
    /** Required deal fields (as Deals headers) still blank. */
    unfilled: string[];
  } | null;
}

/** Process compliance per manager: moves forward with the exit criterion met / checked moves. */
export interface ComplianceRow {
  email: string;
  name: string;
  moves: number;
  met: number;
  share: number | null;
}
