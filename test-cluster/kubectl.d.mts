import type { ChildProcess, StdioOptions } from 'node:child_process';

/** Path of the kubectl built for the pinned Kubernetes version (never /usr/bin/kubectl). */
export function kubectlPath(): string;

export interface KubectlOptions {
  /** --kubeconfig; KUBECONFIG from the environment is never used. */
  kubeconfig?: string;
  /** --context, e.g. 'wheelhouse-admin' or 'wheelhouse-limited'. */
  context?: string;
  /** Written to stdin (e.g. a manifest for `apply -f -`). */
  input?: string;
  /** Kill kubectl and reject after this long. Default 60 000. */
  timeoutMs?: number;
  env?: Record<string, string>;
}

export class KubectlError extends Error {
  args: string[];
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs kubectl to completion; resolves with stdout, rejects with KubectlError on a non-zero exit. */
export function kubectl(args: string[], opts?: KubectlOptions): Promise<string>;

/** Starts a long-running kubectl (logs -f, port-forward, exec -i); the caller kills it. */
export function spawnKubectl(
  args: string[],
  opts?: { kubeconfig?: string; context?: string; env?: Record<string, string>; stdio?: StdioOptions },
): ChildProcess;
