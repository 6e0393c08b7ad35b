import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { dirname, basename } from 'node:path';

/**
 * Calls `onChange` (debounced) when any of the kubeconfig files changes, appears or disappears.
 * kubectl rewrites files by rename, so we watch the folders, with a 1 s stat poll as a fallback
 * for file systems where fs.watch is silent.
 */
export function watchKubeconfigFiles(files: string[], onChange: () => void, debounceMs = 150): () => void {
  let timer: NodeJS.Timeout | undefined;
  const fire = () => { clearTimeout(timer); timer = setTimeout(onChange, debounceMs); };
  const watchers: FSWatcher[] = [];
  const names = new Map<string, Set<string>>();
  for (const f of files) {
    const d = dirname(f);
    if (!names.has(d)) names.set(d, new Set());
    names.get(d)!.add(basename(f));
  }
  for (const [dir, set] of names) {
    try {
      const w = watch(dir, { persistent: false }, (_ev, name) => { if (!name || set.has(String(name))) fire(); });
      w.on('error', () => {});
      watchers.push(w);
    } catch { /* folder missing: the poll below still notices the file appearing */ }
  }
  for (const f of files) watchFile(f, { interval: 1000, persistent: false }, fire);
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
    for (const f of files) unwatchFile(f, fire);
  };
}
