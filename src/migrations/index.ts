import * as migration_20261125_131354_initial from './20261125_131354_initial';
import * as migration_20261127_015025_consents from './20261127_015025_consents';
import * as migration_20261127_021046_workspace_unlock_submissions from './20261127_021046_workspace_unlock_submissions';
import * as migration_20261127_022320_audit_chain from './20261127_022320_audit_chain';
import * as migration_20261127_023317_money_ledger_vouchers from './20261127_023317_money_ledger_vouchers';
import * as migration_20261127_024230_place_labels_manila_time from './20261127_024230_place_labels_manila_time';
import * as migration_20261127_025355_frontdoor_otp_payout_account from './20261127_025355_frontdoor_otp_payout_account';
import * as migration_20261127_030928_scoring_signals from './20261127_030928_scoring_signals';
import * as migration_20261127_032431_review_decisions_budgets from './20261127_032431_review_decisions_budgets';
import * as migration_20261127_034239_sponsorships_handles from './20261127_034239_sponsorships_handles';
import * as migration_20261127_051848_resident_erasure from './20261127_051848_resident_erasure';
import * as migration_20261127_054201_scoring_opt_in from './20261127_054201_scoring_opt_in';
import * as migration_20261127_054740_review_proofs from './20261127_054740_review_proofs';

export const migrations = [
  {
    up: migration_20261125_131354_initial.up,
    down: migration_20261125_131354_initial.down,
    name: '20261125_131354_initial',
  },
  {
    up: migration_20261127_015025_consents.up,
    down: migration_20261127_015025_consents.down,
    name: '20261127_015025_consents',
  },
  {
    up: migration_20261127_021046_workspace_unlock_submissions.up,
    down: migration_20261127_021046_workspace_unlock_submissions.down,
    name: '20261127_021046_workspace_unlock_submissions',
  },
  {
    up: migration_20261127_022320_audit_chain.up,
    down: migration_20261127_022320_audit_chain.down,
    name: '20261127_022320_audit_chain',
  },
  {
    up: migration_20261127_023317_money_ledger_vouchers.up,
    down: migration_20261127_023317_money_ledger_vouchers.down,
    name: '20261127_023317_money_ledger_vouchers',
  },
  {
    up: migration_20261127_024230_place_labels_manila_time.up,
    down: migration_20261127_024230_place_labels_manila_time.down,
    name: '20261127_024230_place_labels_manila_time',
  },
  {
    up: migration_20261127_025355_frontdoor_otp_payout_account.up,
    down: migration_20261127_025355_frontdoor_otp_payout_account.down,
    name: '20261127_025355_frontdoor_otp_payout_account',
  },
  {
    up: migration_20261127_030928_scoring_signals.up,
    down: migration_20261127_030928_scoring_signals.down,
    name: '20261127_030928_scoring_signals',
  },
  {
    up: migration_20261127_032431_review_decisions_budgets.up,
    down: migration_20261127_032431_review_decisions_budgets.down,
    name: '20261127_032431_review_decisions_budgets',
  },
  {
    up: migration_20261127_034239_sponsorships_handles.up,
    down: migration_20261127_034239_sponsorships_handles.down,
    name: '20261127_034239_sponsorships_handles',
  },
  {
    up: migration_20261127_051848_resident_erasure.up,
    down: migration_20261127_051848_resident_erasure.down,
    name: '20261127_051848_resident_erasure',
  },
  {
    up: migration_20261127_054201_scoring_opt_in.up,
    down: migration_20261127_054201_scoring_opt_in.down,
    name: '20261127_054201_scoring_opt_in',
  },
  {
    up: migration_20261127_054740_review_proofs.up,
    down: migration_20261127_054740_review_proofs.down,
    name: '20261127_054740_review_proofs'
  },
];
