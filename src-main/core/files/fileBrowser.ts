import { ContractError } from '../../../shared/contract/contractError';
import { findCommand, isMissingProgram, lsCommands, normalisePath, parseFindOutput, parseLsOutput, type FileEntry } from '../../../shared/files/listing';
import type { ExecHttp } from '../streams/execSession';
import { openExecPipe, type PipeResult } from './execPipe';

export interface ContainerRef { namespace: string; pod: string; container: string }

const LIST_CAP = 16 * 1024 * 1024;

/** Runs a command to completion and keeps its stdout (capped), with a deadline. */
export async function runCaptured(http: ExecHttp, t: ContainerRef, command: string[], timeoutMs = 30_000): Promise<PipeResult & { stdout: Buffer }> {
  const parts: Buffer[] = [];
  let size = 0;
  const pipe = await openExecPipe(http, t, command, { onStdout: (b) => { if (size < LIST_CAP) { parts.push(b); size += b.length; } } });
  const timer = setTimeout(() => pipe.abort(), timeoutMs);
  const r = await pipe.done.finally(() => clearTimeout(timer));
  return { ...r, stdout: Buffer.concat(parts) };
}

/** The sentence shown when the image has neither program (distroless): what to do instead. */
export function missingProgramError(program: string, t: ContainerRef, detail: string): ContractError {
  return new ContractError('refused',
    `Container ${t.container} has no \`${program}\` program (a distroless or scratch image?), so its files cannot be ${program === 'tar' ? 'copied' : 'listed'} over exec. ` +
    'Add a debug container (Actions → Debug…) with an image that has it, such as busybox; with the target set to this container, its shell sees this container\'s files under /proc/1/root.',
    detail);
}

/**
 * Lists a directory: `find -printf` with NUL-separated fields where find has it, else `ls -la
 * --full-time`, else `ls -la` (busybox). A missing program moves to the next; both missing is the
 * distroless answer above; any other failure (no such directory, permission) is said as the
 * container said it.
 */
export async function listDirectory(http: ExecHttp, t: ContainerRef, rawPath: string): Promise<{ path: string; entries: FileEntry[]; via: 'find' | 'ls' }> {
  const path = normalisePath(rawPath);
  const tried: string[] = [];
  const attempts: { via: 'find' | 'ls'; argv: string[] }[] = [{ via: 'find', argv: findCommand(path) }, ...lsCommands(path).map((argv) => ({ via: 'ls' as const, argv }))];
  for (const a of attempts) {
    const r = await runCaptured(http, t, a.argv);
    const words = `${r.stderr}\n${r.message ?? ''}`.trim();
    if (r.code === 0) {
      const text = r.stdout.toString('utf8');
      return { path, entries: a.via === 'find' ? parseFindOutput(text) : parseLsOutput(text), via: a.via };
    }
    tried.push(`${a.argv.join(' ')}: ${words || `exit ${r.code ?? '?'}`}`);
    if (isMissingProgram(r.code, words)) continue;
    // find without -printf (busybox, BSD) says so: try ls.
    if (a.via === 'find' && /printf|unrecognized|unknown (option|predicate)|invalid (option|predicate)/i.test(words)) continue;
    // ls without --full-time (busybox, BSD): plain ls next.
    if (a.argv.includes('--full-time') && /full-time|unrecognized|invalid option|illegal option/i.test(words)) continue;
    if (/No such file|not found|cannot access/i.test(words)) throw new ContractError('not-found', `${path} does not exist in container ${t.container}.`, tried.join('\n'));
    if (/Permission denied/i.test(words)) throw new ContractError('forbidden', `Container ${t.container} may not read ${path} (permission denied).`, tried.join('\n'));
    throw new ContractError('internal', `Could not list ${path} in container ${t.container}: ${words.split('\n')[0] || 'the command failed'}.`, tried.join('\n'));
  }
  throw missingProgramError('ls', t, tried.join('\n'));
}
