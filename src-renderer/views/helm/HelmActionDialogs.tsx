import { useEffect, useState } from 'react';
import { useClient, useContractQuery } from '../../data/clientContext';
import type { HelmActionResult } from '../../../shared/contract/helm';
import { ConfirmDialog } from '../actions/ConfirmDialog';
import { useRunAction } from '../actions/useRunAction';
import { CodeEditor } from '../editor/CodeEditor';
import { RevisionDiffView } from './RevisionDiffView';
import { HelmProgress } from './HelmProgress';

interface Target { context: string; namespace: string; name: string }

/** A dry run on open (or on demand): its result is the preview the confirmation shows. */
function usePreview(run: (() => Promise<HelmActionResult>) | undefined, key: string) {
  const [preview, setPreview] = useState<HelmActionResult>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!run) return;
    let live = true;
    setPreview(undefined);
    setError(undefined);
    run().then((r) => { if (live) setPreview(r); }, (e) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { preview, error };
}

// helm's first line says how it went (`Release "x" has been upgraded. Happy Helming!`); NOTES follow.
const outputLine = (r: HelmActionResult) => r.output.split('\n').find((l) => l.trim());

/** helm --force-conflicts: what a conflict error (a field changed behind Helm's back) asks the user to decide. */
function ForceConflicts({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="toggle" title="With server-side apply, helm refuses to overwrite fields another manager changed (kubectl scale, kubectl edit); this takes them back.">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="helm-force-conflicts" /> Take back fields changed outside Helm (--force-conflicts)
    </label>
  );
}

/** helm --wait --timeout: how long to wait for the release's objects to be ready; undefined: do not wait. */
function WaitUntilReady({ seconds, onChange }: { seconds: number | undefined; onChange(v: number | undefined): void }) {
  const [last, setLast] = useState(seconds ?? 300);
  return (
    <label className="toggle helm-wait" title="helm waits until the release's objects are ready, or fails the upgrade when they are not by then; what it waits for streams into Activity.">
      <input type="checkbox" checked={seconds !== undefined} onChange={(e) => onChange(e.target.checked ? last : undefined)} data-testid="helm-wait" /> Wait until ready (--wait), at most
      <input type="number" min={1} max={3600} value={seconds ?? last} disabled={seconds === undefined} aria-label="Seconds to wait"
        onChange={(e) => { const n = Math.min(3600, Math.max(1, Math.round(Number(e.target.value) || 1))); setLast(n); onChange(n); }} data-testid="helm-wait-seconds" /> s
    </label>
  );
}

/** Roll back to a revision: the preview is exactly the revision diff from the current revision to the target. */
export function RollbackDialog({ current, revision, onClose, ...t }: Target & { current: number; revision: number; onClose(): void }) {
  const client = useClient();
  const { busy, run, error } = useRunAction();
  const [force, setForce] = useState(false);
  const { preview, error: previewError } = usePreview(() => client.request('helm.rollback', { ...t, revision, dryRun: true }), `${current}-${revision}`);
  return (
    <ConfirmDialog title={`Roll back ${t.name} to revision ${revision}`} confirm={`Roll back to ${revision}`} busy={busy} error={error ?? previewError} size="large" testId="helm-rollback-dialog"
      confirmDisabledReason={!preview ? (previewError ? 'The preview failed' : 'Preparing the preview…') : undefined}
      onClose={onClose}
      onConfirm={async () => {
        const r = await run('Rollback', () => client.request('helm.rollback', { ...t, revision, dryRun: false, forceConflicts: force }),
          (x) => ({ tone: 'ok', title: `Rolled back ${t.name} to revision ${revision}`, text: outputLine(x) }));
        if (r) onClose();
      }}>
      <p>helm rollback writes revision {current + 1} with revision {revision}'s values and manifest. What changes (revision {current} → {revision}):</p>
      {preview?.preview ? <RevisionDiffView diff={preview.preview} testId="helm-rollback-preview" /> : !previewError && <p className="muted">Preparing the preview…</p>}
      <ForceConflicts checked={force} onChange={setForce} />
      {busy && <HelmProgress {...t} action="rollback" />}
    </ConfirmDialog>
  );
}

/** Upgrade with edited values (the same chart as the current revision), after a server-side dry run. */
export function UpgradeDialog({ current, chart, onClose, ...t }: Target & { current: number; chart: string; onClose(): void }) {
  const client = useClient();
  const { busy, run, error } = useRunAction();
  // The revision the dialog opened on (a failed attempt writes a newer one while it stays open).
  const [base] = useState(current);
  // The editor needs the real values (a masked one sent back would overwrite the secret with bullets).
  const values = useContractQuery('helm.values', { ...t, revision: base, all: false, reveal: true }, { staleTime: Infinity });
  const [text, setText] = useState<string>();
  const [asked, setAsked] = useState<string>();
  const [force, setForce] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState<number>();
  useEffect(() => { if (values.data && text === undefined) setText(values.data.yaml); }, [values.data, text]);
  const { preview, error: previewError } = usePreview(asked === undefined ? undefined : () => client.request('helm.upgrade', { ...t, values: asked, dryRun: true }), asked ?? '');
  const stale = asked !== text;
  return (
    <ConfirmDialog title={`Upgrade ${t.name} (${chart}) with edited values`} confirm="Upgrade" busy={busy} error={error ?? previewError ?? (values.error as Error | null)?.message} size="large" testId="helm-upgrade-dialog"
      confirmDisabledReason={stale ? 'Preview the changed values first' : !preview ? 'Preparing the preview…' : undefined}
      onClose={onClose}
      onConfirm={async () => {
        const r = await run('Upgrade', () => client.request('helm.upgrade', { ...t, values: asked!, dryRun: false, forceConflicts: force, ...(waitSeconds ? { waitSeconds } : {}) }),
          (x) => ({ tone: 'ok', title: `Upgraded ${t.name}`, text: outputLine(x) }));
        if (r) onClose();
      }}>
      <p>User-supplied values of revision {base}; the upgrade replaces them with this text (chart defaults still apply).</p>
      {text !== undefined && <div className="helm-values-editor"><CodeEditor value={text} onChange={setText} label="Values (YAML)" testId="helm-upgrade-values" /></div>}
      <div className="helm-tab-bar"><button type="button" onClick={() => setAsked(text)} disabled={text === undefined || !stale} data-testid="helm-upgrade-preview">Preview (server dry run)</button>
        {!stale && !preview && !previewError && <span className="muted">Running helm upgrade --dry-run=server…</span>}</div>
      {preview?.preview && !stale && <RevisionDiffView diff={preview.preview} testId="helm-upgrade-preview-diff" />}
      <ForceConflicts checked={force} onChange={setForce} />
      <WaitUntilReady seconds={waitSeconds} onChange={setWaitSeconds} />
      {busy && <HelmProgress {...t} action="upgrade" />}
    </ConfirmDialog>
  );
}

/** Uninstall (optionally keeping the history): the preview lists what goes, from helm's own dry run. */
export function UninstallDialog({ objects, onClose, ...t }: Target & { objects: number; onClose(): void }) {
  const client = useClient();
  const { busy, run, error } = useRunAction();
  const [keepHistory, setKeepHistory] = useState(false);
  const { preview, error: previewError } = usePreview(() => client.request('helm.uninstall', { ...t, keepHistory, dryRun: true }), String(keepHistory));
  return (
    <ConfirmDialog title={`Uninstall ${t.name}`} confirm="Uninstall" danger busy={busy} error={error ?? previewError} size="medium" testId="helm-uninstall-dialog"
      confirmDisabledReason={!preview ? (previewError ? 'The preview failed' : 'Preparing the preview…') : undefined}
      onClose={onClose}
      onConfirm={async () => {
        const r = await run('Uninstall', () => client.request('helm.uninstall', { ...t, keepHistory, dryRun: false }),
          (x) => ({ tone: 'ok', title: `Uninstalled ${t.name}`, text: outputLine(x) }));
        if (r) onClose();
      }}>
      <p>Deletes the release's {objects} object{objects === 1 ? '' : 's'} from namespace {t.namespace}{keepHistory ? ' and keeps its history (status uninstalled)' : ' and its whole history'}.</p>
      <label className="toggle"><input type="checkbox" checked={keepHistory} onChange={(e) => setKeepHistory(e.target.checked)} data-testid="helm-keep-history" /> Keep history (--keep-history)</label>
      {preview && <pre className="yaml helm-output" data-testid="helm-uninstall-preview">{preview.output}</pre>}
      {preview?.preview && <ul className="helm-goes">{preview.preview.objects.map((o) => <li key={o.key}>{o.kind} {o.name}</li>)}</ul>}
      {busy && <HelmProgress {...t} action="uninstall" />}
    </ConfirmDialog>
  );
}
