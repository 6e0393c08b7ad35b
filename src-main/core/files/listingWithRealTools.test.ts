import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findCommand, lsCommands, parseFindOutput, parseLsOutput } from '../../../shared/files/listing';

describe('listing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'listing-test-'));
  mkdirSync(path.join(dir, 'a dir'));
  writeFileSync(path.join(dir, 'two  spaces.txt'), '12345');
  writeFileSync(path.join(dir, 'tab\there'), '');
  symlinkSync('two  spaces.txt', path.join(dir, 'lnk'));

  it('parses find -printf output as this machine prints it (names with spaces and tabs, links)', () => {
    const [cmd, ...args] = findCommand(dir);
    const out = execFileSync(cmd, args, { encoding: 'utf8' });
    const e = parseFindOutput(out);
    expect(e.map((x) => x.name)).toEqual(['a dir', 'lnk', 'tab\there', 'two  spaces.txt']);
    expect(e[0]).toMatchObject({ type: 'dir', mode: 'drwxr-xr-x' });
    expect(e[1]).toMatchObject({ type: 'symlink', linkTarget: 'two  spaces.txt' });
    expect(e[3]).toMatchObject({ type: 'file', size: 5 });
    expect(Date.parse(e[3].modified!)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('parses ls -la --full-time and plain ls -la the same way', () => {
    for (const [cmd, ...args] of lsCommands(dir)) {
      const e = parseLsOutput(execFileSync(cmd, args, { encoding: 'utf8' }));
      const names = e.map((x) => x.name);
      expect(names).toContain('two  spaces.txt');
      expect(names).toContain('a dir');
      expect(names).not.toContain('.');
      expect(e.find((x) => x.name === 'lnk')).toMatchObject({ type: 'symlink', linkTarget: 'two  spaces.txt' });
      expect(e.find((x) => x.name === 'two  spaces.txt')).toMatchObject({ type: 'file', size: 5 });
    }
  });

});
