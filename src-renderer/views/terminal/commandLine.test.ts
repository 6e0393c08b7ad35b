import { describe, expect, it } from 'vitest';
import { splitCommand } from './commandLine';

describe('splitCommand', () => {
  it('splits words and keeps quoted parts whole', () => {
    expect(splitCommand('  ls -la /tmp ')).toEqual(['ls', '-la', '/tmp']);
    expect(splitCommand(`sh -c 'echo $HOME; exit 3'`)).toEqual(['sh', '-c', 'echo $HOME; exit 3']);
    expect(splitCommand('echo "a \\"b\\" c" d\\ e ""')).toEqual(['echo', 'a "b" c', 'd e', '']);
  });
  it('refuses an unterminated quote', () => {
    expect(() => splitCommand("echo 'x")).toThrow(/single quote/);
    expect(() => splitCommand('echo "x')).toThrow(/double quote/);
  });
});
