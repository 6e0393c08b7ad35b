// Reading an answer's body with a byte cap: an OpenAPI document is parsed whole in the main process,
// so one that is too large is refused while it arrives, not after it has filled memory.

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number, readonly readBytes: number) {
    super(`larger than ${formatMiB(limitBytes)}`);
    this.name = 'BodyTooLargeError';
  }
}

export const formatMiB = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;

/**
 * The body as text, or BodyTooLargeError as soon as more than `limitBytes` have arrived (the rest is
 * not read: the stream is cancelled, which ends the request on its connection).
 */
export async function readCappedText(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null, limitBytes: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = 'getReader' in body ? body.getReader() : undefined;
  const iterator = reader ? undefined : (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      const r = reader ? await reader.read() : await iterator!.next();
      if (r.done) break;
      total += r.value.byteLength;
      if (total > limitBytes) throw new BodyTooLargeError(limitBytes, total);
      chunks.push(r.value);
    }
  } catch (err) {
    if (reader) void reader.cancel().catch(() => {});
    else void iterator!.return?.();
    throw err;
  }
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}
