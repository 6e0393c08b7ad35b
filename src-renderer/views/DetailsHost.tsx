import { DetailsPanel } from './details/DetailsPanel';
import type { DetailsTarget } from './details/detailsTarget';

export type { DetailsTarget } from './details/detailsTarget';

/** The details panel for the selected object. `onSelect` lets it select another object (an owner). */
export function DetailsHost({ context, target, onClose, onSelect, tab, onTab }: {
  context: string; target: DetailsTarget; onClose(): void; navigate(view: string): void; onSelect?(t: DetailsTarget): void; tab?: string; onTab?(t: string): void;
}) {
  return <DetailsPanel context={context} target={target} onClose={onClose} onSelect={onSelect} tab={tab} onTab={onTab} />;
}
