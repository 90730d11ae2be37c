/**
 * Two backend processes on one PostgreSQL database with every scheduled job of the suite
 * due every 10–20 s: each job runs once per schedule on one replica or the other, never
 * two runs of one job at the same time, and a budget's owner is told about a crossed
 * threshold once, not once per replica. The runs are read from the one line each replica
 * logs per run (`Scheduled task <id> ran from <start> to <end>`).
 */
import path from 'node:path';
import { replicaOf, sleep } from '../backendProcess';
import { notificationsDatabase, suiteDatabase } from '../database';
import { generateExport } from '../focusFiles';
import { Checks, Scenario, ScenarioContext } from '../scenario';
import { upload } from './crashDuringUpload';

const EVERY = (seconds: number) => ({
  frequency: { seconds },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 5 },
});

/** The jobs that must run on the schedules below, by task id. */
const JOBS = [
  'finops-itam-allocation',
  'finops-itam-license-cost',
  'finops-itam-anomaly-detection',
  'finops-itam-budget-alerts',
  'finops-itam-kpi-rollup',
];
const WATCH_SECONDS = 150;
const BUDGET_ENTITY = 'component:default/checkout-api';

interface TaskRun {
  task: string;
  replica: string;
  start: number;
  end: number;
}

/** Every run a replica logged. */
function runsIn(log: string, replica: string): TaskRun[] {
  return [
    ...log.matchAll(
      /Scheduled task (\S+) (?:failed, )?ran from (\S+) to (\S+) /g,
    ),
  ].map(([, task, start, end]) => ({
    task,
    replica,
    start: Date.parse(start),
    end: Date.parse(end),
  }));
}

/** The alerts a replica's budget alert runs say they sent. */
const alertsSentIn = (log: string) =>
  [
    ...log.matchAll(
      /Budget alerts: \d+ budget\(s\) checked, (\d+) alert\(s\) sent/g,
    ),
  ]
    .map(([, sent]) => Number(sent))
    .reduce((a, b) => a + b, 0);

export const twoReplicasJobs: Scenario = {
  id: 'two-replicas-jobs',
  async run(context: ScenarioContext) {
    const checks = new Checks();
    const delivery = path.join(context.workDir, 'october.csv');
    await generateExport(delivery, 20_000, '2026-10', 'replica-jobs');
    const replica = (index: number) =>
      replicaOf(context, index, {
        allocation: { schedule: EVERY(20) },
        licenses: { costSchedule: EVERY(15) },
        anomalies: { schedule: EVERY(15) },
        budgetAlerts: { schedule: EVERY(10) },
        kpis: { rollupSchedule: EVERY(15) },
      });
    const a = replica(0);
    const b = replica(1);
    const db = suiteDatabase(context.databasePrefix);
    const notifications = notificationsDatabase(context.databasePrefix);
    try {
      await a.start();
      await b.start();
      const uploaded = await upload(a, delivery, 'uploads');
      checks.equal(uploaded.status, 201, 'upload through replica A');
      // A year's budget of 1 unit of the entity's currency: over from the first run on.
      const cost = await b.call(
        'GET',
        `/entities/component/default/checkout-api/cost?from=2026-10-01&to=2026-11-01`,
      );
      const currency = cost.body?.currency ?? 'USD';
      const budget = await b.call('PUT', '/budgets', {
        budgets: [
          {
            id: 'checkout-api-2026',
            entityRef: BUDGET_ENTITY,
            period: 'year',
            start: '2026-01-01',
            amount: '1.00',
            currency,
            scope: 'all-in',
          },
        ],
      });
      checks.equal(budget.status, 200, 'budget through replica B');
      await sleep(WATCH_SECONDS * 1000);

      const runs = [...runsIn(a.log, 'A'), ...runsIn(b.log, 'B')];
      const byTask = new Map<string, TaskRun[]>();
      for (const run of runs) {
        byTask.set(run.task, [...(byTask.get(run.task) ?? []), run]);
      }
      const overlaps: string[] = [];
      for (const [task, list] of byTask) {
        list.sort((x, y) => x.start - y.start);
        for (let i = 1; i < list.length; i++) {
          if (list[i].start < list[i - 1].end) {
            overlaps.push(
              `${task}: ${list[i - 1].replica} until ${new Date(
                list[i - 1].end,
              ).toISOString()}, ${list[i].replica} from ${new Date(
                list[i].start,
              ).toISOString()}`,
            );
          }
        }
      }
      checks.equal(overlaps, [], 'runs of one job at the same time');
      const summary = JOBS.map(task => {
        const list = byTask.get(task) ?? [];
        const on = (r: string) => list.filter(run => run.replica === r).length;
        return { task, runs: list.length, a: on('A'), b: on('B') };
      });
      checks.equal(
        summary.filter(job => job.runs < 2).map(job => job.task),
        [],
        'jobs that did not run at least twice in the watch',
      );

      // A budget alert: sent once, recorded once, one notification per recipient.
      const recorded = await db('finops_itam_budget_alerts_sent').where(
        'budget_id',
        'checkout-api-2026',
      );
      const sent = alertsSentIn(a.log) + alertsSentIn(b.log);
      checks.that(recorded.length > 0, 'the budget crossed a threshold');
      checks.equal(
        sent,
        recorded.length,
        'alerts the replicas sent against thresholds recorded as told',
      );
      const told = await notifications('notification')
        .where('topic', 'finops-itam budgets')
        .select('user', 'scope', 'updated');
      const perUserAndScope = new Set(told.map(n => `${n.user} ${n.scope}`));
      checks.equal(
        told.length,
        perUserAndScope.size,
        'budget notifications per user and scope',
      );
      checks.that(
        told.length > 0,
        'the owner team got the budget notification',
      );
      const claimsLeft = await db('finops_itam_notification_claims').count({
        n: '*',
      });
      checks.equal(Number(claimsLeft[0].n), 0, 'notification claims left held');

      const jobText = summary
        .map(
          job =>
            `${job.task.replace('finops-itam-', '')} ${job.runs} (A ${
              job.a
            }, B ${job.b})`,
        )
        .join('; ');
      return checks.row({
        fault: `two backend processes on one PostgreSQL database, every scheduled job due every 10–20 s on both, watched for ${WATCH_SECONDS} s after an upload and a new budget`,
        happened: `runs per job: ${jobText}; ${overlaps.length} runs of one job overlapping another; the budget's crossed thresholds (${recorded.length}) were sent ${sent} time(s) in all and reached ${told.length} user notification(s), one per user and scope`,
        userSees:
          'each job once per schedule, on either replica; one notification per crossed budget threshold',
        dataLost:
          checks.failures.length === 0
            ? 'none; no job ran twice at once, no notification sent twice'
            : 'see failures',
      });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.destroy();
      await notifications.destroy();
    }
  },
};
