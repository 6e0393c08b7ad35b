import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { stringify } from 'yaml';
import type { HelmChart } from '../../../shared/helm/release';

// "Upgrade with edited values, same chart": the chart a release was installed from is stored inside its
// record (metadata, values, templates, files, schema). Writing it back out as a chart folder lets the
// real helm upgrade from exactly that chart, wherever it originally came from.

/** A stored file name is cluster data: only plain relative paths inside the chart folder are written. */
function safeRelative(name: string): string {
  const n = normalize(name);
  if (!name || name.includes('\0') || n.startsWith('..') || n.startsWith(sep) || /^[A-Za-z]:/.test(n) || n.split(sep).includes('..')) {
    throw new Error(`the stored chart has a file with an unsafe name: ${JSON.stringify(name)}`);
  }
  return n;
}

/** Writes the chart into a new temporary folder: `dir` is the chart, `root` what the caller removes. */
export function writeStoredChart(chart: HelmChart): { root: string; dir: string } {
  if (!chart.metadata?.name) throw new Error('the stored release has no chart (helm shows MISSING): it cannot be upgraded from storage');
  const root = mkdtempSync(join(tmpdir(), 'wheelhouse-chart-'));
  const dir = join(root, safeRelative(String(chart.metadata.name)));
  const put = (name: string, data: Buffer | string) => {
    const file = join(dir, safeRelative(name));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data, { mode: 0o600 });
  };
  put('Chart.yaml', stringify(chart.metadata));
  put('values.yaml', stringify(chart.values ?? {}));
  for (const t of chart.templates ?? []) put(t.name, Buffer.from(t.data ?? '', 'base64'));
  for (const f of chart.files ?? []) put(f.name, Buffer.from(f.data ?? '', 'base64'));
  if (typeof chart.schema === 'string' && chart.schema) put('values.schema.json', Buffer.from(chart.schema, 'base64'));
  return { root, dir };
}
