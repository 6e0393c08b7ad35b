import type { Route } from '../app/route';

/** Standalone mounts of single views under #/dev/..., for development and e2e of one view in isolation. */
export function DevRoute({ route }: { route: Route }) {
  return <div className="welcome">No development view at this address ({route.view}).</div>;
}
