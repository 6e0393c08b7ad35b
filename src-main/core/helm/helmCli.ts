import { delimiter } from 'node:path';
import { findTool, runTool, ToolMissingError, type RunResult } from '../tools/externalTool';
import { ContractError } from '../../../shared/contract/contractError';
import type { HelmToolStatus } from '../../../shared/contract/helm';

// The real `helm` binary, run for actions (looking never needs it). It gets the app's own kubeconfig
// files (KUBECONFIG, merged the same way) and the context by name, so it talks to the same cluster as
// the same user; no shell, a timeout, capped output.

export interface HelmCliOptions {
  /** Folders to search instead of the process's and the login shell's PATH (tests). */
  searchPath?: string;
}

const HELM_TIMEOUT_MS = 10 * 60_000;

export async function helmStatus(opts: HelmCliOptions): Promise<HelmToolStatus> {
  try {
    const tool = await findTool('helm', { searchPath: opts.searchPath });
    const v = await runTool(tool, ['version', '--short'], { timeoutMs: 15_000, maxOutputBytes: 4096 });
    return { found: true, path: tool.path, searched: tool.searched, ...(v.code === 0 ? { version: v.stdout.trim() } : { message: `helm version failed: ${v.stderr.trim()}` }) };
  } catch (err) {
    if (err instanceof ToolMissingError) return { found: false, searched: err.searched, message: err.message };
    throw err;
  }
}

/** Runs helm with the context; resolves its output, or throws a ContractError carrying helm's own words. */
export async function runHelm(
  kubeconfigFiles: string[], context: string, args: string[], opts: HelmCliOptions & { onOutput?(text: string): void } = {},
): Promise<RunResult & { output: string }> {
  const tool = await findTool('helm', { searchPath: opts.searchPath });
  const env = { ...process.env, KUBECONFIG: kubeconfigFiles.join(delimiter) };
  const res = await runTool(tool, [...args, '--kube-context', context], { env, timeoutMs: HELM_TIMEOUT_MS, onOutput: (_s, t) => opts.onOutput?.(t) });
  const output = [res.stdout.trim(), res.stderr.trim()].filter(Boolean).join('\n');
  if (res.timedOut) throw new ContractError('timeout', `helm ${args[0]} did not finish in ${HELM_TIMEOUT_MS / 60_000} minutes and was stopped. ${output}`.trim());
  if (res.code !== 0) {
    const all = res.stderr.trim() || res.stdout.trim() || `exit code ${res.code}`;
    // helm logs warnings (level=WARN …) before its `Error: …` line: the error line is the message.
    const errorLines = all.split('\n').filter((l) => l.startsWith('Error: '));
    const words = errorLines.length ? errorLines.map((l) => l.slice('Error: '.length)).join('\n') : all;
    const code = /forbidden/i.test(words) ? 'forbidden' : /another operation .* is in progress|conflict/i.test(words) ? 'conflict' : 'refused';
    throw new ContractError(code, `helm ${args[0]} failed: ${words}`, all === words ? undefined : all);
  }
  return { ...res, output };
}
