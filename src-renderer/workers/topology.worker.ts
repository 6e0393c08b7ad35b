/// <reference lib="webworker" />
// The topology pipeline's thread: builds and places the graph away from the page (see
// topology-engine/topologyEngine.ts). Requests in order, one result per build request.
import { TopologyEngine, type EngineRequest } from '../topology-engine/topologyEngine';

const engine = new TopologyEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<EngineRequest>) => {
  try {
    const result = engine.handle(e.data);
    if (result) scope.postMessage(result);
  } catch (err) {
    // A build that throws must not leave the view waiting for ever.
    if (e.data.type === 'build') scope.postMessage({ id: e.data.id, scopeKey: e.data.scopeKey, error: (err as Error)?.message ?? String(err) });
  }
};
