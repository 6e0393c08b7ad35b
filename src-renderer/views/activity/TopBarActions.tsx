import { useState } from 'react';
import { useTopicValue } from '../../data/clientContext';
import { ApplyYamlDialog } from '../editor/ApplyYamlDialog';
import { NewMenu } from '../create/NewMenu';
import { ActivityPanel } from './ActivityPanel';
import { useActivity } from './useActivity';
import './activity.css';

/**
 * The top bar's "Apply YAML" and "Activity" (with the count of actions not yet looked at). It also
 * keeps the shown namespace's change timeline recording (timeline.record), so changes made before a
 * workload's timeline is opened are on it.
 */
export function TopBarActions({ context, namespace, clusters = [] }: { context: string; namespace?: string; /** Other clusters shown: their entries too. */ clusters?: readonly string[] }) {
  const recording = useTopicValue('timeline.record', namespace ? { context, namespace } : undefined);
  const [applying, setApplying] = useState(false);
  const [showActivity, setShowActivity] = useState(false);
  const { entries, atStart, error } = useActivity(context, clusters);
  const [seenId, setSeen] = useState(0);
  const seen = Math.max(seenId, atStart);
  const newest = entries[0]?.id ?? 0;
  const unseen = showActivity ? 0 : entries.filter((e) => e.id > seen).length;
  const unseenBad = !showActivity && entries.some((e) => e.id > seen && e.outcome !== 'ok' && e.outcome !== 'skipped' && e.outcome !== 'running');
  const toggle = () => { setSeen(newest); setShowActivity((s) => !s); };
  return (
    <div className="topbar-actions" data-timeline-recording={recording?.freshness.state ?? 'off'}>
      <NewMenu context={context} namespace={namespace} />
      <button type="button" onClick={() => setApplying(true)} data-testid="apply-yaml-button" title="Create or update objects from YAML (server-side apply)">Apply YAML</button>
      <button type="button" onClick={toggle} aria-pressed={showActivity} data-testid="activity-button" title="What this app did, where, when, and how it ended">
        Activity{unseen > 0 && <span className={`topbar-count${unseenBad ? ' bad' : ''}`} data-testid="activity-unseen">{unseen}</span>}
      </button>
      {applying && <ApplyYamlDialog context={context} namespace={namespace} onClose={() => setApplying(false)} />}
      {showActivity && <ActivityPanel entries={entries} error={error} onClose={() => { setSeen(newest); setShowActivity(false); }} />}
    </div>
  );
}
