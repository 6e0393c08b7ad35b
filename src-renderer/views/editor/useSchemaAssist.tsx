import { useMemo, useState } from 'react';
import { useClient } from '../../data/clientContext';
import { ExplainDialog } from '../explain/ExplainDialog';
import { onKindSchema, schemaLookup, splitApiVersion } from '../explain/kindSchemaStore';
import type { ExplainAt, SchemaAssistOptions } from './schemaAssist';

/** The schema help for a YAML editor of one context, and the explain dialog its key opens. */
export function useSchemaAssist(context: string): { assist: SchemaAssistOptions; explainDialog: React.ReactNode; openExplain(at: ExplainAt): void } {
  const client = useClient();
  const [explain, setExplain] = useState<ExplainAt>();
  const assist = useMemo<SchemaAssistOptions>(() => ({ lookup: schemaLookup(client, context), subscribe: onKindSchema, onExplain: setExplain }), [client, context]);
  const explainDialog = explain
    ? <ExplainDialog context={context} target={{ ...splitApiVersion(explain.apiVersion), kind: explain.kind, path: explain.path }} onClose={() => setExplain(undefined)} />
    : null;
  return { assist, explainDialog, openExplain: setExplain };
}
