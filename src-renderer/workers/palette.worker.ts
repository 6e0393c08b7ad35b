/// <reference lib="webworker" />
// The command palette's index and matching, away from the page (see app/palette/paletteEngine.ts):
// typing never waits for a scan of 10,000 names.
import { createIndexHandler, type IndexRequest } from '../app/palette/paletteEngine';

const handle = createIndexHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<IndexRequest>) => {
  const reply = handle(e.data);
  if (reply) scope.postMessage(reply);
};
