import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findTool, runTool, ToolMissingError, type FoundTool } from '../tools/externalTool';
import { readManifestFiles } from './sourceFiles';
import { parseManifestText, type ManifestObject, type ManifestProblem } from '../../../shared/apps/manifestDocuments';
import type { AppSource, SourceDetection } from '../../../shared/contract/apps';

const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const RENDER_TIMEOUT_MS = 60_000;
const MAX_RENDER_BYTES = 64 << 20;

export interface Rendered {
  objects: ManifestObject[];
  problems: ManifestProblem[];
  /** The renderer that ran: `plain`, `kustomize /usr/bin/kustomize`, `helm …`. */
  renderer: string;
  /** The whole render failed (tool missing, non-zero exit, timeout): the last good render stays in use. */
  failed?: string;
}

/** What the folder holds and whether the tool it needs is there (said before anything is added). */
export async function detectSource(path: string): Promise<SourceDetection> {
  let isDir = false;
  try { isDir = statSync(path).isDirectory(); } catch { /* reported below */ }
  if (!isDir) return { type: 'none', message: `${path} is not a folder this app can read.` };
  if (KUSTOMIZATION.some((f) => existsSync(join(path, f)))) {
    const tool = await kustomizeTool();
    if ('missing' in tool) return { type: 'kustomize', message: `kustomize source, but neither kustomize nor kubectl was found. ${tool.missing}`, toolMissing: tool.missing };
    return { type: 'kustomize', message: `kustomize source (kustomization.yaml), rendered with ${tool.label}`, tool: tool.found.path };
  }
  if (existsSync(join(path, 'Chart.yaml'))) {
    try {
      const helm = await findTool('helm');
      return { type: 'helm', message: `Helm chart (Chart.yaml), rendered with ${helm.path} template`, tool: helm.path };
    } catch (err) {
      const message = err instanceof ToolMissingError ? err.message : String(err);
      return { type: 'helm', message: `Helm chart, but helm was not found. ${message}`, toolMissing: message };
    }
  }
  return { type: 'plain', message: 'plain manifests: every *.yaml, *.yml and *.json under the folder' };
}

type KustomizeTool = { found: FoundTool; args: string[]; label: string } | { missing: string };

/** `kustomize build`, or `kubectl kustomize` where only kubectl is installed (it embeds kustomize). */
async function kustomizeTool(): Promise<KustomizeTool> {
  try {
    const found = await findTool('kustomize');
    return { found, args: ['build'], label: `${found.path} build` };
  } catch (err) {
    if (!(err instanceof ToolMissingError)) throw err;
    try {
      const found = await findTool('kubectl');
      return { found, args: ['kustomize'], label: `${found.path} kustomize` };
    } catch {
      return { missing: `${err.message} (kubectl kustomize would do too; kubectl was not found either). Install kustomize from https://kubectl.docs.kubernetes.io/installation/kustomize/.` };
    }
  }
}

/** Renders an application's source into objects; a failing renderer is one problem with its stderr. */
export async function renderSource(source: AppSource): Promise<Rendered> {
  const det = await detectSource(source.path);
  if (det.type === 'none') return { objects: [], problems: [{ file: source.path, message: det.message }], renderer: 'none', failed: det.message };
  if (det.type === 'plain') {
    const { files, problems } = await readManifestFiles(source.path);
    const objects: ManifestObject[] = [];
    for (const f of files) {
      const parsed = parseManifestText(f.rel, f.text);
      objects.push(...parsed.objects);
      problems.push(...parsed.problems);
    }
    return { objects, problems, renderer: 'plain' };
  }
  if (det.type === 'kustomize') {
    const tool = await kustomizeTool();
    if ('missing' in tool) return { objects: [], problems: [{ file: 'kustomization.yaml', message: tool.missing }], renderer: 'kustomize (missing)', failed: tool.missing };
    return runRenderer(tool.found, [...tool.args, source.path], 'kustomize build output', tool.label, source.path);
  }
  let helm: FoundTool;
  try { helm = await findTool('helm'); } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { objects: [], problems: [{ file: 'Chart.yaml', message }], renderer: 'helm (missing)', failed: message };
  }
  const args = ['template', source.releaseName || 'release', source.path, '--namespace', source.namespace];
  for (const v of source.valuesFiles ?? []) args.push('--values', join(source.path, v));
  return runRenderer(helm, args, 'helm template output', `${helm.path} template`, source.path);
}

async function runRenderer(tool: FoundTool, args: string[], what: string, label: string, cwd: string): Promise<Rendered> {
  // Offline, a remote base would hang on the network; the timeout turns that into a clear error.
  const r = await runTool(tool, args, { timeoutMs: RENDER_TIMEOUT_MS, maxOutputBytes: MAX_RENDER_BYTES, cwd });
  const fail = (message: string): Rendered => ({ objects: [], problems: [{ file: label, message }], renderer: label, failed: message });
  if (r.timedOut) return fail(`${label} did not finish within ${RENDER_TIMEOUT_MS / 1000} s (a remote base that cannot be fetched?). ${r.stderr.trim().slice(-2000)}`);
  if (r.code !== 0) return fail(`${label} failed (exit ${r.code ?? r.signal}): ${r.stderr.trim().slice(-4000) || '(no error output)'}`);
  if (r.truncated) return fail(`${label} printed more than ${MAX_RENDER_BYTES >> 20} MiB; not used`);
  const parsed = parseManifestText(what, r.stdout);
  return { ...parsed, renderer: label };
}
