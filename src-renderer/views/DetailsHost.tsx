import { DetailsPanel } from './details/DetailsPanel';
import type { DetailsTarget } from './details/detailsTarget';

export type { DetailsTarget } from './details/detailsTarget';

/** The details panel for the selected object. `onSelect` lets it select another object (an owner). */
export function DetailsHost({ context, target, onClose, onSelect }: { context: string; target: DetailsTarget; onClose(): void; navigate(view: string): void; onSelect?(t: DetailsTarget): void }) {
  return <DetailsPanel context={context} target={target} onClose={onClose} onSelect={onSelect} />;
}
