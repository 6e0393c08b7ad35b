import { useMemo, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useClient } from '../../data/clientContext';
import { ConfirmDialog } from '../actions/ConfirmDialog';
import { useRunAction } from '../actions/useRunAction';
import type { AppState, SyncPlan } from '../../../shared/contract/apps';

/**
 * Sync: choose objects, preview (a server-side dry run: create / change / prune / conflicts), then
 * apply through the confirmation dialog. Prune and taking ownership of other managers' fields are
 * explicit choices, never defaults.
 */
export function SyncDialog({ state, onClose }: { state: AppState; onClose(): void }) {
  const client = useClient();
  const syncable = useMemo(() => state.objects.filter((o) => o.state !== 'Extra' && o.file), [state.objects]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(syncable.filter((o) => o.state !== 'Synced').map((o) => o.key)));
  const [prune, setPrune] = useState(false);
  const [force, setForce] = useState(false);
  const [plan, setPlan] = useState<SyncPlan>();
  const [previewError, setPreviewError] = useState<string>();
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { busy, run, error } = useRunAction();
  const extra = state.objects.filter((o) => o.state === 'Extra');
  const params = { id: state.app.id, keys: [...picked], prune, force };

  const preview = async () => {
    setPreviewing(true); setPreviewError(undefined);
    try { setPlan(await client.request('apps.preview', params)); } catch (e) { setPreviewError(e instanceof Error ? e.message : String(e)); } finally { setPreviewing(false); }
  };
  const toggle = (k: string) => { const n = new Set(picked); if (n.has(k)) n.delete(k); else n.add(k); setPicked(n); setPlan(undefined); };
  const conflicts = plan?.items.filter((i) => i.action === 'conflict') ?? [];
  const prunes = plan?.items.filter((i) => i.action === 'prune') ?? [];
  const why = picked.size === 0 && !prune ? 'Select at least one object (or prune).' : !plan ? 'Preview first: the dry run shows what the sync does.' : undefined;

  return (
    <Modal title={`Sync ${state.app.name}`} onClose={onClose} size="large" testId="sync-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" onClick={preview} disabled={previewing} data-testid="sync-preview">{previewing ? 'Previewing…' : 'Preview (dry run)'}</button>
      <button type="button" className="primary" disabled={!!why} title={why} onClick={() => setConfirming(true)} data-testid="sync-apply">Sync…</button>
    </>}>
      <div className="sync-list">
        <table>
          <thead><tr><th><input type="checkbox" aria-label="all" checked={picked.size === syncable.length} onChange={(e) => { setPicked(new Set(e.target.checked ? syncable.map((o) => o.key) : [])); setPlan(undefined); }} /></th><th>State</th><th>Object</th></tr></thead>
          <tbody>
            {syncable.map((o) => (
              <tr key={o.key}>
                <td><input type="checkbox" checked={picked.has(o.key)} onChange={() => toggle(o.key)} aria-label={o.key} /></td>
                <td><span className={`sync-badge sync-${o.state}`}>{o.state}</span></td>
                <td className="apps-mono">{o.key}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sync-options">
        <label title="Delete the apply set's members that are no longer in the source; the preview lists each one."><input type="checkbox" checked={prune} onChange={(e) => { setPrune(e.target.checked); setPlan(undefined); }} data-testid="sync-prune" /> Prune ({extra.length} no longer in the source)</label>
        <label title="Server-side apply with force: take the fields other field managers own."><input type="checkbox" checked={force} onChange={(e) => { setForce(e.target.checked); setPlan(undefined); }} data-testid="sync-force" /> Take ownership of conflicting fields (force)</label>
      </div>
      {previewError && <div className="note note-bad" role="alert">{previewError}</div>}
      {plan && (
        <div className="sync-list" data-testid="sync-plan">
          <table>
            <tbody>
              {plan.items.map((i) => (
                <tr key={`${i.action}-${i.key}`} data-testid={`plan-${i.action}`}>
                  <td className={`plan-action plan-${i.action}`}>{i.action}</td>
                  <td className="apps-mono">{i.key}</td>
                  <td>{i.message}{i.conflicts.length > 0 && <div className="apps-paths">{i.conflicts.map((c) => `${c.field ?? ''} owned by ${c.manager ?? '?'}`).join('; ')}</div>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {plan?.pruneRefusal && <div className="note note-bad">Prune refused: {plan.pruneRefusal}</div>}
      {conflicts.length > 0 && <div className="note note-warn" data-testid="sync-conflicts">{conflicts.length} object(s) have fields owned by other managers ({[...new Set(conflicts.flatMap((c) => c.conflicts.map((x) => x.manager ?? '?')))].join(', ')}). They are not applied unless you choose “take ownership”.</div>}
      {confirming && (
        <ConfirmDialog title={`Sync ${state.app.name}?`} confirm={prune && prunes.length ? `Sync and delete ${prunes.length}` : 'Sync'} danger={prune && prunes.length > 0} busy={busy} error={error} testId="sync-confirm"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const r = await run('Sync', () => client.request('apps.sync', params), (x) => ({ tone: x.ok ? 'ok' : 'warn', title: `Sync ${state.app.name}`, text: x.message }));
            if (r) { setConfirming(false); if (r.ok) onClose(); else setPlan(undefined); }
          }}>
          <p>Server-side apply of {picked.size} object(s) as field manager <code>wheelhouse</code>{force ? ', taking ownership of conflicting fields' : ''}.</p>
          {prune && (prunes.length ? <><p>These objects will be deleted:</p><ul>{prunes.map((p) => <li key={p.key} className="apps-mono">{p.key}</li>)}</ul></> : <p>Nothing to prune.</p>)}
        </ConfirmDialog>
      )}
    </Modal>
  );
}
