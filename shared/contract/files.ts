import { z } from 'zod';

const name = z.string().min(1).max(253);
const filePath = z.string().min(1).max(4096).regex(/^\//, 'an absolute path').refine((p) => !p.includes('\0'), 'no NUL in paths');
const Target = { context: z.string().min(1), namespace: name, pod: name, container: name };

export const FileEntrySchema = z.object({
  name: z.string(),
  type: z.enum(['file', 'dir', 'symlink', 'other']),
  size: z.number(),
  mode: z.string(),
  modified: z.string().optional(),
  linkTarget: z.string().optional(),
});

/** What a transfer reports: bytes so far, of `total` when known. */
const progress = z.object({ type: z.literal('progress'), bytes: z.number().int().min(0), total: z.number().int().min(0).optional() });

export const FileDownloadEvent = z.discriminatedUnion('type', [
  /** `file`: the bytes are the file's own; `tar`: a folder as a tar archive. */
  z.object({ type: z.literal('start'), name: z.string(), kind: z.enum(['file', 'tar']), size: z.number().int().min(0).optional() }),
  /** The next bytes, base64; the renderer counts them for the progress it shows. */
  z.object({ type: z.literal('data'), data: z.string() }),
  z.object({ type: z.literal('done'), bytes: z.number().int().min(0), warnings: z.array(z.string()) }),
]);
export type FileDownloadEvent = z.infer<typeof FileDownloadEvent>;

/** Input into an upload: tar bytes (base64) in order, then `end`; or `cancel`. */
export const FileUploadInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data'), data: z.string().max(4_000_000) }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('cancel') }),
]);
export type FileUploadInput = z.infer<typeof FileUploadInput>;

export const FileUploadEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  progress,
  z.object({ type: z.literal('done'), bytes: z.number().int().min(0), output: z.string() }),
]);
export type FileUploadEvent = z.infer<typeof FileUploadEvent>;

/** Browsing a container's files over exec (find/ls), and copying like `kubectl cp` (tar over exec). */
export const fileMethods = {
  'files.list': {
    params: z.object({ ...Target, path: filePath }),
    result: z.object({ path: z.string(), entries: z.array(FileEntrySchema), via: z.enum(['find', 'ls']) }),
  },
} as const;

export const fileTopics = {
  /** `tar cf - -C parent base` in the container: a file's bytes, or a folder as a tar archive. */
  'files.download': { params: z.object({ ...Target, path: filePath }), event: FileDownloadEvent },
  /** `tar -xmf - -C dir` in the container, fed with the archive the renderer sends as input. */
  'files.upload': { params: z.object({ ...Target, dir: filePath, total: z.number().int().min(0) }), event: FileUploadEvent },
} as const;
