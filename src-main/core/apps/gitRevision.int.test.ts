import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../testing/testCluster';
import { gitRevision } from './gitRevision';

describe('gitRevision', () => {
  it('reads HEAD\'s short sha like git itself, and "dirty" once a file changes', async () => {
    const dir = tempDir('wh-git-app-');
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { encoding: 'utf8' }).trim();
    expect(await gitRevision(dir)).toBeUndefined();
    git('init', '-q');
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    expect(await gitRevision(dir)).toEqual({ sha: git('rev-parse', '--short', 'HEAD'), dirty: false });
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    expect(await gitRevision(dir)).toEqual({ sha: git('rev-parse', '--short', 'HEAD'), dirty: true });
  });
});
