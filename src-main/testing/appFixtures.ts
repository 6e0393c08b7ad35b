// Test kit for Applications: copies a fixture source from test-cluster/fixtures/apps into a temporary
// folder (so a test can edit it), with `wh-apps-demo` replaced by the test's own unique name.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './testCluster';

const TEST_CLUSTER = fileURLToPath(new URL('../../test-cluster/', import.meta.url));
export const APP_FIXTURES = join(TEST_CLUSTER, 'fixtures/apps');

export function copyAppFixture(name: string, unique: string): string {
  const dir = join(tempDir('wh-app-'), name.replace(/\//g, '-'));
  cpSync(join(APP_FIXTURES, name), dir, { recursive: true });
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else writeFileSync(p, readFileSync(p, 'utf8').replaceAll('wh-apps-demo', unique));
    }
  };
  walk(dir);
  return dir;
}

/** Where the test bed builds kustomize (test-cluster/build-kustomize.sh), if it has. */
export function kustomizeBinDir(): string {
  const v = /KUSTOMIZE_VERSION=(\S+)/.exec(readFileSync(join(TEST_CLUSTER, 'versions.env'), 'utf8'))?.[1];
  return join(process.env.WHEELHOUSE_CACHE ?? join(process.env.HOME ?? '', '.cache/wheelhouse'), 'bin', `kustomize-${v}`);
}

/** The helm binary the test bed builds (test-cluster/build-helm.sh, ~/.cache/wheelhouse/bin/helm-<version>/), newest first. */
export function helmBinDir(): string | undefined {
  const bin = join(process.env.WHEELHOUSE_CACHE ?? join(process.env.HOME ?? '', '.cache/wheelhouse'), 'bin');
  const dirs = existsSync(bin) ? readdirSync(bin).filter((d) => d.startsWith('helm-')).sort().reverse() : [];
  return dirs.map((d) => join(bin, d)).find((d) => existsSync(join(d, 'helm')));
}
