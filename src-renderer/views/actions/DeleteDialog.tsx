import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { NamespaceContents } from './NamespaceContents';

type Propagation = 'Background' | 'Foreground' | 'Orphan';

const CHOICES: { value: Propagation; label: string; help: string }[] = [
  { value: 'Background', label: 'Background (default)', help: 'Delete it now; the garbage collector deletes what it owns (ReplicaSets, pods) afterwards.' },
  { value: 'Foreground', label: 'Foreground', help: 'Delete what it owns first; the object stays, marked as deleting, until they are gone.' },
  { value: 'Orphan', label: 'Orphan', help: 'Delete only this object; what it owns stays, without an owner.' },
];

/**
 * Delete, confirmed by typing the object's exact name (through ConfirmDialog). A namespace shows what
 * it will take with it and offers no propagation choice: the namespace controller deletes its
 * contents whatever the policy, so the choice would mean nothing.
 */
export function DeleteDialog({ context, kind, name, namespace, busy, error, onDelete, onClose }: {
  context: string; kind: string; name: string; namespace?: string; busy: boolean; error?: string; onDelete(p: Propagation): void; onClose(): void;
}) {
  const [policy, setPolicy] = useState<Propagation>('Background');
  const isNamespace = kind === 'Namespace';
  return (
    <ConfirmDialog title={`Delete ${kind} ${name}`} confirm="Delete" danger busy={busy} error={error} onClose={onClose} testId="delete-dialog"
      confirmTestId="delete-confirm" typeToConfirm={name} typedTestId="delete-name" size="medium" onConfirm={() => onDelete(policy)}>
      <div>
        This deletes <b className="mono">{name}</b>{namespace ? <> in namespace <b className="mono">{namespace}</b></> : ' (cluster-scoped)'} from the cluster.
      </div>
      {isNamespace ? <NamespaceContents context={context} namespace={name} /> : (
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
      )}
    </ConfirmDialog>
  );
}
