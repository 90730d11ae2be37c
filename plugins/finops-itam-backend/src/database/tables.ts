/**
 * The plugin's tables and the shape of their rows as the drivers return them, in one place
 * (migrations in `migrations/` create them). Only stores use these: everything else reads
 * and writes through a store's domain types.
 *
 * Amount columns are `numeric(38,16)` on PostgreSQL, which node-postgres returns as a
 * string, and decimal text on SQLite; `DbAmount` also admits numbers, which some aggregate
 * expressions return. Timestamps come back as `Date` (PostgreSQL) or as stored (SQLite),
 * booleans as `0`/`1` on SQLite.
 */

/** An exact amount as a driver returns it; pass it through `normalizeAmount`. */
export type DbAmount = string | number;
/** A timestamp as a driver returns it. */
export type DbTimestamp = Date | string | number;
/** A boolean as a driver returns it. */
export type DbBoolean = boolean | number;
/** A 64-bit integer: node-postgres returns `bigint` columns as strings. */
export type DbBigInt = number | string;

/** Cost facts with their allocation key's owner (a view). */
export const ALLOCATED_FACTS_VIEW = 'finops_itam_allocated_facts';

/** SQLite temporary table of one allocation run's key changes (per connection, never migrated). */
export const ALLOCATION_KEY_CHANGES_TABLE =
  'finops_itam_allocation_key_changes';

/** Resources several rules claimed in the latest run. */
export const ALLOCATION_CONFLICTS_TABLE = 'finops_itam_allocation_conflicts';

/** Distinct allocation inputs of facts and where they were allocated. */
export const ALLOCATION_KEYS_TABLE = 'finops_itam_allocation_keys';

/** Allocation runs. */
export const ALLOCATION_RUNS_TABLE = 'finops_itam_allocation_runs';

/** Months whose facts changed since the last allocation run. */
export const CHANGED_MONTHS_TABLE = 'finops_itam_changed_months';

/** Daily cost facts, one per resource, day and charge kind. */
export const COST_FACTS_TABLE = 'finops_itam_cost_facts';

/** What each cost source delivered last. */
export const COST_SOURCES_TABLE = 'finops_itam_cost_sources';

/** Counters that rise when cost answers change. */
export const DATA_VERSIONS_TABLE = 'finops_itam_data_versions';

/** Each entity's rollup cost per day, currency and basis. */
export const ENTITY_DAILY_COST_TABLE = 'finops_itam_entity_daily_cost';

/** Cost ingestion runs with their reports. */
export const INGESTIONS_TABLE = 'finops_itam_ingestions';

/** Cost per allocation key, month and currency. */
export const KEY_MONTHLY_COST_TABLE = 'finops_itam_key_monthly_cost';

/** Named state of the license cost task and the licensed fact extract. */
export const LICENSE_COST_STATE_TABLE = 'finops_itam_license_cost_state';

/** Entitlement cost shares per entity and day (shelfware to the owner). */
export const LICENSE_DAILY_COST_TABLE = 'finops_itam_license_daily_cost';

/** Each entity's requirement of a product per day. */
export const LICENSE_DAILY_REQUIREMENT_TABLE =
  'finops_itam_license_daily_requirement';

/** Entitlements, each with its source. */
export const LICENSE_ENTITLEMENTS_TABLE = 'finops_itam_license_entitlements';

/** The licensed cost facts of the window, compacted per month. */
export const LICENSE_FACT_EXTRACT_TABLE = 'finops_itam_license_fact_extract';

/** Product definitions overriding or adding to the shipped ones. */
export const LICENSE_PRODUCTS_TABLE = 'finops_itam_license_products';

/** Assigned seats of SaaS products. */
export const LICENSE_SEATS_TABLE = 'finops_itam_license_seats';

/** What each entitlement or seat file source delivered last. */
export const LICENSE_SOURCES_TABLE = 'finops_itam_license_sources';

/** Daily business metric values per entity. */
export const METRIC_VALUES_TABLE = 'finops_itam_metric_values';

/** Digests of derived outputs, to skip rewriting equal ones. */
export const OUTPUT_DIGESTS_TABLE = 'finops_itam_output_digests';

/** The rollup closure: which entities roll up into which (each into itself). */
export const ROLLUP_MEMBERS_TABLE = 'finops_itam_rollup_members';

/** Shared pool parts per target, day, currency and basis. */
export const SHARED_ALLOCATIONS_TABLE = 'finops_itam_shared_allocations';

/** A row of `finops_itam_allocation_conflicts`. */
export interface DbAllocationConflictsRow {
  id: number;
  run_id: DbBigInt | null;
  resource_id: string | null;
  resource_name: string | null;
  rule: string;
  winner_ref: string;
  candidates: string;
  fact_count: number;
}

/** A row of `finops_itam_allocation_keys`. */
export interface DbAllocationKeysRow {
  key: string | null;
  billing_account_id: string;
  sub_account_id: string | null;
  service_name: string | null;
  service_category: string | null;
  charge_category: string;
  resource_id: string | null;
  resource_name: string | null;
  tags: string | null;
  commitment_discount_status: string | null;
  allocated_entity_ref: string | null;
  allocation_rule: string | null;
  shared_pool_id: string | null;
  allocated: DbBoolean;
}

/** A row of `finops_itam_allocation_runs`. */
export interface DbAllocationRunsRow {
  id: number;
  started_at: DbTimestamp;
  finished_at: DbTimestamp | null;
  status: string;
  facts_scanned: number | null;
  facts_changed: number | null;
  message: string | null;
  facts_fingerprint: string | null;
}

/** A row of the `finops_itam_allocated_facts` view: a fact with its key's allocation. */
export interface DbAllocatedFactsRow extends DbCostFactsRow {
  allocated_entity_ref: string | null;
  allocation_rule: string | null;
  shared_pool_id: string | null;
}

/** A row of `finops_itam_changed_months`. */
export interface DbChangedMonthsRow {
  id: number;
  month: string;
}

/** A row of `finops_itam_cost_facts`. */
export interface DbCostFactsRow {
  id: number;
  source_id: string;
  ingestion_id: string;
  file_key: string;
  billing_period_start: string;
  day: string;
  billing_account_id: string;
  sub_account_id: string | null;
  provider_name: string | null;
  publisher_name: string | null;
  invoice_issuer_name: string | null;
  service_name: string | null;
  service_category: string | null;
  region_id: string | null;
  resource_id: string | null;
  resource_name: string | null;
  resource_type: string | null;
  charge_category: string;
  charge_class: string | null;
  pricing_category: string | null;
  commitment_discount_id: string | null;
  commitment_discount_status: string | null;
  sku_id: string | null;
  sku_price_details: string | null;
  tags: string | null;
  currency: string;
  billed_cost: DbAmount;
  effective_cost: DbAmount;
  list_cost: DbAmount | null;
  contracted_cost: DbAmount | null;
  consumed_quantity: DbAmount;
  row_count: number;
  allocated_at: DbTimestamp | null;
  allocation_key: string | null;
  host_provider_name: string | null;
}

/** A row of `finops_itam_cost_sources`. */
export interface DbCostSourcesRow {
  id: string;
  file_fingerprints: string | null;
  columns: string | null;
  last_ingestion_id: string | null;
  last_run_at: DbTimestamp | null;
  last_status: string | null;
  last_message: string | null;
  schema_drift: string | null;
}

/** A row of `finops_itam_data_versions`. */
export interface DbDataVersionsRow {
  name: string | null;
  version: DbBigInt;
}

/** A row of `finops_itam_entity_daily_cost`. */
export interface DbEntityDailyCostRow {
  entity_ref: string;
  day: string;
  currency: string;
  basis: string;
  direct: DbAmount;
  shared: DbAmount;
}

/** A row of `finops_itam_ingestions`. */
export interface DbIngestionsRow {
  id: string;
  source_id: string;
  status: string;
  message: string | null;
  report_json: string | null;
  started_at: DbTimestamp;
  finished_at: DbTimestamp | null;
}

/** A row of `finops_itam_key_monthly_cost`. */
export interface DbKeyMonthlyCostRow {
  allocation_key: string;
  month: string;
  currency: string;
  amortized: DbAmount;
  billed: DbAmount;
}

/** A row of `finops_itam_license_cost_state`. */
export interface DbLicenseCostStateRow {
  name: string;
  value: DbAmount;
}

/** A row of `finops_itam_license_daily_cost`. */
export interface DbLicenseDailyCostRow {
  entitlement_id: string;
  product_id: string;
  entity_ref: string;
  day: string;
  currency: string;
  amount: DbAmount;
  shelfware: DbBoolean;
}

/** A row of `finops_itam_license_daily_requirement`. */
export interface DbLicenseDailyRequirementRow {
  product_id: string;
  day: string;
  entity_ref: string;
  required: number;
  weight: DbBigInt;
  product_required: number;
}

/** A row of `finops_itam_license_entitlements`. */
export interface DbLicenseEntitlementsRow {
  id: string;
  product_id: string;
  source_id: string;
  definition: string;
  updated_at: DbTimestamp;
}

/** A row of `finops_itam_license_fact_extract`. */
export interface DbLicenseFactExtractRow {
  id: number;
  month: string;
  allocation_key: string | null;
  facts: string;
  days: string;
}

/** A row of `finops_itam_license_products`. */
export interface DbLicenseProductsRow {
  id: string;
  definition: string;
  updated_at: DbTimestamp;
}

/** A row of `finops_itam_license_seats`. */
export interface DbLicenseSeatsRow {
  product_id: string;
  user_id: string;
  last_active: string | null;
  entity_ref: string | null;
  imported_at: DbTimestamp;
}

/** A row of `finops_itam_license_sources`. */
export interface DbLicenseSourcesRow {
  id: string;
  fingerprints: string | null;
  last_run_at: DbTimestamp | null;
  last_status: string | null;
  last_message: string | null;
}

/** A row of `finops_itam_metric_values`. */
export interface DbMetricValuesRow {
  metric: string;
  entity_ref: string;
  day: string;
  value: DbAmount;
  source: string;
  updated_at: DbTimestamp;
}

/** A row of `finops_itam_output_digests`. */
export interface DbOutputDigestsRow {
  name: string | null;
  digest: string;
}

/** A row of `finops_itam_rollup_members`. */
export interface DbRollupMembersRow {
  ancestor_ref: string;
  member_ref: string;
}

/** A row of `finops_itam_shared_allocations`. */
export interface DbSharedAllocationsRow {
  pool_id: string;
  day: string;
  currency: string;
  basis: string;
  target_ref: string;
  amount: DbAmount;
}

/** Onboarding requests with their latest checks. */
export const ONBOARDING_REQUESTS_TABLE = 'finops_itam_onboarding_requests';

/** What happened to each onboarding request, in order (decisions included). */
export const ONBOARDING_HISTORY_TABLE = 'finops_itam_onboarding_history';

/** A row of `finops_itam_onboarding_requests`. */
export interface DbOnboardingRequestsRow {
  id: string;
  status: string;
  entity_ref: string;
  owner: string;
  title: string;
  description: string | null;
  go_live: string;
  procurement: string;
  replaces: string | null;
  /** JSON of the request as filed. */
  body: string;
  /** JSON of the latest checks. */
  checks: string;
  /** JSON of the latest cost estimate. */
  cost_estimate: string;
  /** JSON of the licenses the request holds while approved. */
  reservations: string;
  checked_at: DbTimestamp;
  requested_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
}

/** A row of `finops_itam_onboarding_history`. */
export interface DbOnboardingHistoryRow {
  seq: DbBigInt;
  request_id: string;
  at: DbTimestamp;
  by: string;
  action: string;
  detail: string;
  /** JSON of a decision entry (decision, reason, exception, failedChecks); null otherwise. */
  decision: string | null;
}

/** Budgets of groups, systems and components (issue 16). */
export const BUDGETS_TABLE = 'finops_itam_budgets';

/** Budget thresholds already told to the owner, once per budget, period and threshold. */
export const BUDGET_ALERTS_SENT_TABLE = 'finops_itam_budget_alerts_sent';

/** Notifications a run is sending now, so that of two runs one sends each (issue 18). */
export const NOTIFICATION_CLAIMS_TABLE = 'finops_itam_notification_claims';

/** A row of `finops_itam_notification_claims`. */
export interface DbNotificationClaimsRow {
  key: string;
  claimed_at: DbTimestamp;
}

/** A row of `finops_itam_budgets`. */
export interface DbBudgetsRow {
  id: string;
  entity_ref: string;
  period: string;
  start: string;
  amount: DbAmount;
  currency: string;
  scope: string;
  /** JSON of the thresholds in percent. */
  thresholds: string;
  source: string;
  updated_at: DbTimestamp;
}

/** A row of `finops_itam_budget_alerts_sent`. */
export interface DbBudgetAlertsSentRow {
  budget_id: string;
  period_start: string;
  threshold: string;
  sent_at: DbTimestamp;
}

/** Cost and license anomalies with their workflow status (issue 16). */
export const ANOMALIES_TABLE = 'finops_itam_anomalies';

/** Status changes of anomalies, in order, for the retrospective. */
export const ANOMALY_HISTORY_TABLE = 'finops_itam_anomaly_history';

/** The license position per product as the previous anomaly detection run saw it. */
export const ANOMALY_LICENSE_POSITIONS_TABLE =
  'finops_itam_anomaly_license_positions';

/** A row of `finops_itam_anomalies`. */
export interface DbAnomaliesRow {
  id: string;
  kind: string;
  entity_ref: string | null;
  product_id: string | null;
  date: string;
  last_date: string;
  currency: string | null;
  actual: DbAmount | null;
  expected: DbAmount | null;
  impact: DbAmount | null;
  total_impact: DbAmount | null;
  score: number | null;
  detail: string;
  /** JSON of the drivers. */
  drivers: string;
  status: string;
  resolution: string | null;
  note: string | null;
  detected_at: DbTimestamp;
  notified_at: DbTimestamp | null;
  owner: string | null;
}

/** A row of `finops_itam_anomaly_history`. */
export interface DbAnomalyHistoryRow {
  seq: DbBigInt;
  /** The anomaly's id. */
  id: string;
  at: DbTimestamp;
  by: string;
  status: string;
  resolution: string | null;
  note: string | null;
}

/** A row of `finops_itam_anomaly_license_positions`. */
export interface DbAnomalyLicensePositionsRow {
  product_id: string;
  day: string;
  /** JSON of the `LicensePositionEntry`. */
  entry: string;
}
