import { useEffect } from 'react';
import { useTopicValue } from '../data/clientContext';
import { defaultRoute, useRoute } from './route';
import { Welcome } from './Welcome';
import { ClusterWorkspace } from './ClusterWorkspace';
import { DevRoute } from '../views/devRoutes';

/** The shell: picks a context (last used, else kubeconfig's current) and hands over to its workspace. */
export function App() {
  const kube = useTopicValue('kubeconfig.watch', {});
  const [route, navigate] = useRoute();

  useEffect(() => {
    const target = kube && defaultRoute(window.location.hash, kube);
    if (target) navigate(target);
  }, [kube, route.context, route.view]); // eslint-disable-line react-hooks/exhaustive-deps

  if (route.view === 'dev') return <DevRoute route={route} />;
  if (!kube) return <div className="splash">Connecting to Wheelhouse core…</div>;
  if (kube.contexts.length === 0 || !route.context) return <Welcome kube={kube} />;
  return <ClusterWorkspace kube={kube} route={route} navigate={navigate} />;
}
