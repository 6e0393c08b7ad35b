import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

let cached: string | undefined;

/** The kubectl built for the test cluster's version (build.sh prints its bin folder; instant when cached). */
export function kubectlPath(): string {
  cached ??= join(execFileSync('bash', ['test-cluster/build.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!, 'kubectl');
  return cached;
}

export function runKubectl(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(kubectlPath(), args, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
