import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { ADMIN, eventually, tempDir, testKubeconfig, useTestNamespace } from '../../testing/testCluster';
import { recordingSink } from '../../testing/streamTesting';
import type { FileDownloadEvent, FileUploadEvent } from '../../../shared/contract/files';
import { TarReader, tarEnd, tarHeader, tarPadding, tarSize } from '../../../shared/files/tar';
import { runCaptured, listDirectory } from './fileBrowser';
import { startDownload, startUpload } from './fileTransfer';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, timeoutMs: 120_000 });

async function download(http: any, t: any, path: string): Promise<{ events: FileDownloadEvent[]; bytes: Buffer; error?: Error }> {
  const sink = recordingSink<FileDownloadEvent>();
  startDownload(http, t, path, sink);
  await eventually(() => sink.ended, 120_000, `download of ${path} ended`);
  const bytes = Buffer.concat(sink.events.filter((e) => e.type === 'data').map((e) => Buffer.from((e as { data: string }).data, 'base64')));
  return { events: sink.events, bytes, error: sink.ended?.error };
}

/** Uploads one file the way the renderer does: a tar archive built with shared/files/tar.ts, sent as input. */
async function upload(http: any, t: any, dir: string, name: string, content: Buffer) {
  const entries = [{ name, type: 'file' as const, size: content.length }];
  const archive = Buffer.concat([tarHeader(entries[0]), content, tarPadding(content.length)]);
  const whole = Buffer.concat([archive, tarEnd(archive.length)]);
  expect(whole.length).toBe(tarSize(entries));
  const sink = recordingSink<FileUploadEvent>();
  const up = startUpload(http, t, dir, whole.length, sink);
  await eventually(() => sink.events.some((e) => e.type === 'ready') || sink.ended, 30_000, 'upload ready');
  for (let i = 0; i < whole.length; i += 256 * 1024) up.input({ type: 'data', data: whole.subarray(i, i + 256 * 1024).toString('base64') });
  up.input({ type: 'end' });
  await eventually(() => sink.ended, 120_000, 'upload ended');
  return sink;
}

// kubectl cp is the oracle: 20 MB copied down and up give the same bytes both ways.
describe('copying files like kubectl cp', () => {
  const t = useTestNamespace('wh-files');
  const http = () => t.core.connection(ADMIN).http;
  let target: { namespace: string; pod: string; container: string };
  let dir: string;
  const local = tempDir('wh-files-');
  const content = randomBytes(20 * 1024 * 1024);

  beforeAll(async () => {
    await http().request('POST', `/api/v1/namespaces/${t.ns}/pods`, { body: { metadata: { name: 'box' }, spec: { containers: [{ name: 'app', image: 'busybox' }] } } });
    await eventually(async () => (await http().request('GET', `/api/v1/namespaces/${t.ns}/pods/box`)).status?.phase === 'Running', 60_000, 'pod running');
    target = { namespace: t.ns, pod: 'box', container: 'app' };
    // On KWOK a container's commands run in the cluster's exec work dir: a folder of this test's own there.
    const pwd = (await runCaptured(http(), target, ['pwd'])).stdout.toString().trim();
    dir = `${pwd}/${t.ns}`;
    expect((await runCaptured(http(), target, ['mkdir', '-p', `${dir}/sub folder`])).code).toBe(0);
    writeFileSync(join(local, 'big.bin'), content);
  });
  // The exec work dir is the cluster's, shared by every pod: leave it as found.
  afterAll(async () => { if (dir) await runCaptured(http(), target, ['rm', '-rf', dir]).catch(() => undefined); });

  it('downloads the same bytes as kubectl cp does (20 MB)', async () => {
    // Made in the container (kubectl cp upward cannot be the source here: KWOK v0.7 never closes an
    // exec's stdin, so kubectl's tar -x waits for an end of input that never comes; see test-cluster/README).
    expect((await runCaptured(http(), target, ['sh', '-c', `head -c 20971520 /dev/urandom > "${dir}/made-there.bin"`])).code).toBe(0);
    await k(['cp', `${t.ns}/box:${dir}/made-there.bin`, join(local, 'by-kubectl.bin'), '-c', 'app']);
    const theirs = readFileSync(join(local, 'by-kubectl.bin'));
    expect(theirs.length).toBe(20 * 1024 * 1024);
    const r = await download(http(), target, `${dir}/made-there.bin`);
    expect(r.error).toBeUndefined();
    expect(r.events[0]).toEqual({ type: 'start', name: 'made-there.bin', kind: 'file', size: theirs.length });
    expect(r.bytes.length).toBe(theirs.length);
    expect(sha(r.bytes)).toBe(sha(theirs));
    expect(r.events.at(-1)).toMatchObject({ type: 'done', bytes: theirs.length });
  }, 180_000);

  it('uploads what kubectl cp then downloads, byte for byte (20 MB), and lists it', async () => {
    const sink = await upload(http(), target, `${dir}/sub folder`, 'from-app.bin', content);
    expect(sink.ended?.error).toBeUndefined();
    expect(sink.events.at(-1)).toMatchObject({ type: 'done' });
    await k(['cp', `${t.ns}/box:${dir}/sub folder/from-app.bin`, join(local, 'back.bin'), '-c', 'app']);
    expect(sha(readFileSync(join(local, 'back.bin')))).toBe(sha(content));
    const listing = await listDirectory(http(), target, `${dir}/sub folder`);
    expect(listing.via).toBe('find');
    expect(listing.entries).toEqual([expect.objectContaining({ name: 'from-app.bin', type: 'file', size: content.length })]);
  }, 180_000);

  it('downloads a folder as a tar archive holding its files', async () => {
    await runCaptured(http(), target, ['sh', '-c', `printf 'hello\\n' > "${dir}/sub folder/small.txt"`]);
    const r = await download(http(), target, `${dir}/sub folder`);
    expect(r.error).toBeUndefined();
    expect(r.events[0]).toMatchObject({ type: 'start', name: 'sub folder.tar', kind: 'tar' });
    const files: Record<string, Buffer[]> = {};
    let current = '';
    const reader = new TarReader({ entry: (e) => { current = e.name; files[current] = []; }, data: (c) => files[current].push(Buffer.from(c)), entryEnd: () => {} });
    reader.push(r.bytes);
    expect(Object.keys(files).sort()).toEqual(['sub folder/', 'sub folder/from-app.bin', 'sub folder/small.txt']);
    expect(Buffer.concat(files['sub folder/small.txt']).toString()).toBe('hello\n');
    expect(sha(Buffer.concat(files['sub folder/from-app.bin']))).toBe(sha(content));
  }, 180_000);

  it('a download waits for a renderer that does not acknowledge, and cancel ends it without a file', async () => {
    const sink = { ...recordingSink<FileDownloadEvent>(), unacked: () => sink.events.length };
    const cancel = startDownload(http(), target, `${dir}/made-there.bin`, sink);
    // 16 events in flight at most (FlowGate): the core stops reading from the cluster there.
    await eventually(() => sink.events.length >= 16, 60_000, 'the first events');
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.events.length).toBeLessThanOrEqual(18);
    cancel();
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.events.some((e) => e.type === 'done')).toBe(false);
  }, 120_000);

  it('a cancelled upload ends with the reason and no done', async () => {
    const sink = recordingSink<FileUploadEvent>();
    const up = startUpload(http(), target, dir, 1024 * 1024, sink);
    await eventually(() => sink.events.some((e) => e.type === 'ready'), 30_000, 'upload ready');
    up.input({ type: 'data', data: Buffer.from(tarHeader({ name: 'half.bin', type: 'file', size: 1000_000 })).toString('base64') });
    up.input({ type: 'cancel' });
    await eventually(() => sink.ended, 30_000, 'ended');
    expect(sink.ended?.error?.message).toMatch(/Upload cancelled/);
    expect(sink.events.some((e) => e.type === 'done')).toBe(false);
  }, 60_000);

  it('says what is missing: a path that does not exist, for listing and download', async () => {
    await expect(listDirectory(http(), target, `${dir}/nope`)).rejects.toThrow(/does not exist/);
    const r = await download(http(), target, `${dir}/nope.txt`);
    expect(r.error?.message).toMatch(/Could not download .*nope\.txt/);
  });
});
