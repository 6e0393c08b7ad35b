import { useState } from 'react';
import { Modal } from '../../components/Modal';

type Propagation = 'Background' | 'Foreground' | 'Orphan';

const CHOICES: { value: Propagation; label: string; help: string }[] = [
  { value: 'Background', label: 'Background (default)', help: 'Delete it now; the garbage collector deletes what it owns (ReplicaSets, pods) afterwards.' },
  { value: 'Foreground', label: 'Foreground', help: 'Delete what it owns first; the object stays, marked as deleting, until they are gone.' },
  { value: 'Orphan', label: 'Orphan', help: 'Delete only this object; what it owns stays, without an owner.' },
];

/** Delete with a propagation policy, confirmed by typing the object's exact name. */
export function DeleteDialog({ kind, name, namespace, busy, error, onDelete, onClose }: {
  kind: string; name: string; namespace?: string; busy: boolean; error?: string; onDelete(p: Propagation): void; onClose(): void;
}) {
  const [policy, setPolicy] = useState<Propagation>('Background');
  const [typed, setTyped] = useState('');
  const matches = typed === name;
  return (
    <Modal title={`Delete ${kind} ${name}`} onClose={onClose} size="medium" testId="delete-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className="danger" disabled={busy || !matches} onClick={() => onDelete(policy)} data-testid="delete-confirm">Delete</button>
    </>}>
      <div>
        This deletes <b className="mono">{name}</b>{namespace ? <> in namespace <b className="mono">{namespace}</b></> : ' (cluster-scoped)'} from the cluster.
      </div>
      <fieldset>
        <legend>What happens to the objects it owns</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="choice">
            <input type="radio" name="propagation" value={c.value} checked={policy === c.value} onChange={() => setPolicy(c.value)} data-testid={`delete-policy-${c.value}`} />
            <span>{c.label}</span>
            <small>{c.help}</small>
          </label>
        ))}
      </fieldset>
      <label className="act-confirm-name">
        <span>Type <b className="mono act-name-to-type">{name}</b> to confirm</span>
        <input value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} autoComplete="off" aria-label="Name to confirm"
          className={typed && !matches ? 'act-invalid' : ''} data-testid="delete-name" />
      </label>
      {error && <div className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}
