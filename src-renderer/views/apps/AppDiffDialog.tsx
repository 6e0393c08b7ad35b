import { Modal } from '../../components/Modal';
import { useContractQuery } from '../../data/clientContext';
import { DiffView } from '../editor/DiffView';

/** Live vs desired YAML of one object, as `kubectl diff --server-side` compares them. */
export function AppDiffDialog({ id, objectKey, onClose }: { id: string; objectKey: string; onClose(): void }) {
  const diff = useContractQuery('apps.diff', { id, key: objectKey }, { staleTime: 0, gcTime: 0 });
  return (
    <Modal title={`Diff ${objectKey}`} onClose={onClose} size="large" testId="app-diff">
      {diff.isLoading && <div className="muted">Asking the API server for a dry run…</div>}
      {diff.error && <div className="note note-bad" role="alert">{String((diff.error as Error).message)}</div>}
      {diff.data && <>
        <p><span className={`sync-badge sync-${diff.data.state}`}>{diff.data.state}</span> {diff.data.reason}</p>
        <DiffView before={diff.data.live} after={diff.data.desired} beforeLabel="Live (in the cluster)" afterLabel="Desired (server-side apply dry run of the source)" testId="app-diff-view" />
      </>}
    </Modal>
  );
}
