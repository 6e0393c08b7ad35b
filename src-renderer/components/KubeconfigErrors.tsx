import type { KubeconfigState } from '../../shared/contract/clusters';
import { visibleText } from '../../shared/model/visibleText';

/** Kubeconfig files that could not be read (which file, which line), shown even while other files' contexts work. */
export function KubeconfigErrors({ errors }: { errors: KubeconfigState['errors'] }) {
  if (!errors.length) return null;
  return <>{errors.map((e) => <p key={e.file} className="error-banner" role="alert" data-testid="kubeconfig-error">{visibleText(e.message)}</p>)}</>;
}
