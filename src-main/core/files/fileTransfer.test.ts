import { describe, expect, it } from 'vitest';
import { tarFailure } from './fileTransfer';
import { missingProgramError } from './fileBrowser';

const t = { namespace: 'demo', pod: 'p', container: 'app' };

// What the API server relays when the image has no tar: KWOK's wording (seen on the test cluster with
// `kubectl exec … -- nosuchprog`), and a kubelet/containerd one (kubernetes#58512: exit 126/127).
describe('tar failures in words', () => {
  it('a missing tar is the distroless answer, pointing at a debug container', () => {
    const kwok = tarFailure({ code: null, stderr: '', message: 'error executing command in container: cmd start: tar cf - -C / x: exec: "tar": executable file not found in $PATH' }, t, 'Could not download /x');
    expect(kwok.code).toBe('refused');
    expect(kwok.message).toMatch(/has no `tar` program/);
    expect(kwok.message).toMatch(/debug container/);
    const runtime = tarFailure({ code: 126, stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown', message: undefined }, t, 'Could not upload into /x');
    expect(runtime.code).toBe('refused');
    expect(missingProgramError('ls', t, '').message).toMatch(/cannot be listed/);
  });

  it("tar's own complaints are passed on as they are", () => {
    const e = tarFailure({ code: 2, stderr: "tar: nope.txt: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n" }, t, 'Could not download /nope.txt');
    expect(e.code).toBe('not-found');
    expect(e.message).toBe('Could not download /nope.txt: tar: nope.txt: Cannot stat: No such file or directory');
  });
});
