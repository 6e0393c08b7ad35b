import { useEffect, useRef } from 'react';
import { MergeView } from '@codemirror/merge';
import { yamlExtensions } from './codeMirrorSetup';
import './editor.css';

/** Two read-only YAML texts side by side with the changed lines marked; long unchanged stretches folded. */
export function DiffView({ before, after, beforeLabel, afterLabel, testId }: { before: string; after: string; beforeLabel: string; afterLabel: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const mv = new MergeView({
      a: { doc: before, extensions: yamlExtensions({ readOnly: true }) },
      b: { doc: after, extensions: yamlExtensions({ readOnly: true }) },
      parent: host.current!,
      collapseUnchanged: { margin: 3, minSize: 6 },
      gutter: true,
    });
    return () => mv.destroy();
  }, [before, after]);
  return (
    <div className="ed-diff" data-testid={testId}>
      <div className="ed-diff-labels"><span>{beforeLabel}</span><span>{afterLabel}</span></div>
      <div className="ed-diff-host" ref={host} />
    </div>
  );
}
