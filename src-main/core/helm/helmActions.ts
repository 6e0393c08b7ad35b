import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Core } from '../core';
import { requireAccess } from '../actions/accessCheck';
import { activityLogOf } from '../actions/activityLog';
import { ContractError } from '../../../shared/contract/contractError';
import type { HelmActionResult } from '../../../shared/contract/helm';
import { helmAccessChecks, type HelmActionId } from '../../../shared/helm/helmAccess';
import { chartProblem, type HelmRelease } from '../../../shared/helm/release';
import type { ReleaseStorages } from './releaseStorages';
import { runHelm, type HelmCliOptions } from './helmCli';
import { writeStoredChart } from './storedChart';
import { decoded, pickRevision, revisionDiff } from './releaseRevisions';

// Rollback, upgrade (same chart, edited values) and uninstall, each run by the real helm binary after
// the same RBAC checks the renderer shows, recorded in the activity log with helm's own output.

/** The activity log keeps the end of long helm output (the part that says how it went). */
const LOG_OUTPUT_CHARS = 4000;
const tail = (s: string) => (s.length > LOG_OUTPUT_CHARS ? `…${s.slice(-LOG_OUTPUT_CHARS)}` : s);
/** helm's --debug lines (what it waits for) are progress: the result keeps helm's ordinary output. */
const withoutDebug = (s: string) => s.split('\n').filter((l) => !l.startsWith('level=DEBUG ')).join('\n');
type Progress = (text: string) => void;

interface Target { context: string; namespace: string; name: string }

export function helmActions(core: Core, storages: ReleaseStorages, opts: HelmCliOptions) {
  const current = async (p: Target) => {
    const all = await storages.revisions(p.context, p.namespace);
    return { all, current: decoded(pickRevision(all, p.namespace, p.name)) };
  };
  // helm's output goes into the action's activity entry while it runs (the command line first).
  const helm = (p: Target, args: string[], progress: Progress) => {
    progress(`$ helm ${args.join(' ')}\n`);
    return runHelm(core.files, p.context, [...args, '--namespace', p.namespace], { ...opts, onOutput: progress });
  };

  const tracked = (p: Target & { dryRun: boolean }, action: HelmActionId, run: (progress: Progress) => Promise<HelmActionResult>) =>
    activityLogOf(core).track(
      { context: p.context, action: `helm ${action}`, target: `release ${p.name}`, namespace: p.namespace, dryRun: p.dryRun },
      async (progress) => {
        await requireAccess(core.connection(p.context).http, helmAccessChecks(action, p.namespace, (p as any).keepHistory));
        return run(progress);
      },
      (r) => ({ outcome: 'ok', message: tail(r.output || `helm ${action} finished`) }),
    );

  return {
    'helm.rollback': async (p: Target & { revision: number; dryRun: boolean; forceConflicts: boolean }): Promise<HelmActionResult> => tracked(p, 'rollback', async (progress) => {
      const { all, current: cur } = await current(p);
      const target = decoded(pickRevision(all, p.namespace, p.name, p.revision));
      const problem = chartProblem(target);
      if (problem) throw new ContractError('refused', problem);
      // The preview is exactly the revision diff from the current revision to the target.
      const preview = revisionDiff(cur, target, false);
      if (p.dryRun) return { dryRun: true, output: `helm rollback ${p.name} ${p.revision} would restore revision ${p.revision}'s values and manifest as revision ${cur.version + 1}.`, preview };
      const res = await helm(p, ['rollback', p.name, String(p.revision), ...(p.forceConflicts ? ['--force-conflicts'] : [])], progress);
      return { dryRun: false, output: res.output };
    }),

    'helm.upgrade': async (p: Target & { values: string; dryRun: boolean; forceConflicts: boolean; waitSeconds?: number }): Promise<HelmActionResult> => tracked(p, 'upgrade', async (progress) => {
      const { current: cur } = await current(p);
      let values: unknown;
      try {
        values = parse(p.values) ?? {};
      } catch (err) {
        throw new ContractError('bad-request', `The values are not valid YAML: ${(err as Error).message}`);
      }
      if (typeof values !== 'object' || Array.isArray(values)) throw new ContractError('bad-request', 'The values must be a YAML mapping (key: value).');
      const problem = chartProblem(cur);
      if (problem) throw new ContractError('refused', problem);
      // A stored record carries the chart's own files but not its subcharts: re-rendering it would drop them.
      const deps = (cur.chart?.metadata?.dependencies as unknown[] | undefined) ?? [];
      if (deps.length > 0) throw new ContractError('refused', `Chart ${cur.chart?.metadata?.name} has ${deps.length} dependencies; helm's stored record does not hold subcharts, so it cannot be upgraded from storage. Upgrade it with helm from the chart's source.`);
      const { root, dir } = writeStoredChart(cur.chart!);
      try {
        const file = join(root, 'values.yaml');
        writeFileSync(file, p.values, { mode: 0o600 });
        // Same chart as the current revision (written back from its record), these values only.
        const args = ['upgrade', p.name, dir, '--reset-values', '-f', file, ...(p.forceConflicts ? ['--force-conflicts'] : [])];
        // Waiting, helm says what it waits for only with --debug: those lines stream as progress.
        const wait = p.waitSeconds ? ['--wait', '--timeout', `${p.waitSeconds}s`, '--debug'] : [];
        if (!p.dryRun) return { dryRun: false, output: withoutDebug((await helm(p, [...args, ...wait], progress)).output) };
        const res = await helm(p, [...args, '--dry-run=server', '-o', 'json'], progress);
        let would: HelmRelease;
        try {
          would = JSON.parse(res.stdout);
        } catch {
          throw new ContractError('internal', `helm upgrade --dry-run did not print a release: ${res.output.slice(0, 500)}`);
        }
        return { dryRun: true, output: `helm upgrade ${p.name} --dry-run=server: revision ${would.version} would be ${would.info?.status ?? 'written'}.`, preview: revisionDiff(cur, would, false) };
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),

    'helm.uninstall': async (p: Target & { keepHistory: boolean; dryRun: boolean }): Promise<HelmActionResult> => tracked(p, 'uninstall', async (progress) => {
      const { current: cur } = await current(p);
      const args = ['uninstall', p.name, ...(p.keepHistory ? ['--keep-history'] : [])];
      if (p.dryRun) {
        const res = await helm(p, [...args, '--dry-run'], progress);
        // What would go: every object of the current manifest (as "removed"), and the history unless kept.
        return { dryRun: true, output: res.output, preview: revisionDiff(cur, { ...cur, config: {}, manifest: '' }, false) };
      }
      return { dryRun: false, output: (await helm(p, args, progress)).output };
    }),
  };
}
