// kubectl as the test oracle when its exit code matters (kubectl diff exits 1 when there are
// differences): runs the test cluster's kubectl as the admin context, never through a shell.
import { execFile } from 'node:child_process';
import { kubectlPath } from '../../test-cluster/kubectl.mjs';
import { ADMIN, testKubeconfig } from './testCluster';

export function kubectlResult(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(kubectlPath(), ['--kubeconfig', testKubeconfig(), '--context', ADMIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof (err as any).code === 'number' ? (err as any).code : null) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export async function kubectl(args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await kubectlResult(args, env);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}
