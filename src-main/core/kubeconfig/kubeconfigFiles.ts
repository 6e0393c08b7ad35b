import { delimiter, join } from 'node:path';
import { homedir } from 'node:os';

/** The files kubectl reads, in order: $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigFiles(env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  const list = (env.KUBECONFIG ?? '').split(delimiter).map((s) => s.trim()).filter(Boolean);
  const unique = [...new Set(list)];
  return unique.length ? unique : [join(home, '.kube', 'config')];
}
