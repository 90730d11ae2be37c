import {
  AuditorService,
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { FinopsItamCostSource } from '@finops-itam/plugin-finops-itam-node';
import express from 'express';
import { RequirePermission } from '../permissions';
import { SourceFileFetcher } from '../sources/SourceFileFetcher';
import { FinopsItamHooks } from './hooks';
import { FinopsItamStores } from './stores';

/** What `scheduler.scheduleTask` takes: a feature lists its tasks, the plugin schedules them. */
export type FinopsItamTask = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

/** A feature's endpoints, mounted on the plugin's router. */
export interface FinopsItamRoutes {
  /** Adds the feature's endpoints to `router`. */
  mount(router: express.Router): void;
}

/** A path that answers without credentials (`httpRouter.addAuthPolicy`). */
export interface FinopsItamAuthPolicy {
  path: string;
  allow: 'unauthenticated' | 'user-cookie';
}

/**
 * One feature of the plugin (cost ingestion, allocation, licenses…): its endpoints and its
 * scheduled tasks. `plugin.ts` creates every feature of `features.ts` with the same core
 * services, then mounts all routes and schedules all tasks, so adding a feature never
 * touches the plugin or the router.
 */
export interface FinopsItamFeature {
  /** A short kebab-case name, unique among features; used in start-up messages. */
  id: string;
  routes?: FinopsItamRoutes[];
  tasks?: FinopsItamTask[];
  authPolicies?: FinopsItamAuthPolicy[];
}

/**
 * Everything a feature may use: Backstage's core services, the catalog, the plugin's stores,
 * the permission check routes make, and the hooks through which features reach each other
 * (never by importing another feature's internals).
 */
export interface FinopsItamCoreServices {
  config: RootConfigService;
  logger: LoggerService;
  scheduler: SchedulerService;
  auditor: AuditorService;
  auth: AuthService;
  catalog: CatalogService;
  /** The Backstage notifications service (onboarding tells requesters and reviewers). */
  notifications: NotificationService;
  stores: FinopsItamStores;
  requirePermission: RequirePermission;
  /** Reads the files of configured cost, license and metric sources (disk or URL reader). */
  fileFetcher: SourceFileFetcher;
  /** Cost sources added by backend modules through the extension point. */
  contributedCostSources: FinopsItamCostSource[];
  hooks: FinopsItamHooks;
}

/**
 * Builds a feature from the core services. It reads its config first, so a config mistake
 * stops the backend before any task is scheduled or route mounted.
 */
export type FinopsItamFeatureFactory = (
  core: FinopsItamCoreServices,
) => FinopsItamFeature | Promise<FinopsItamFeature>;
