/**
 * A signed request's body as the exact text that was received: never more than a limit, and
 * decoded as strict UTF-8 with any byte-order mark kept (so that it is refused as not
 * canonical, rather than dropped: the bytes checked are the bytes received).
 */

/** The body as received: text, or bytes (a Node `Buffer` is a `Uint8Array`). */
export type RawBody = string | Uint8Array;

export type SignedBodyText = { ok: true; text: string } | { ok: false; problem: 'too_large' | 'not_utf8' };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** `body` itself, or a `Request`'s, read no further than `maxBytes` + 1 bytes. */
export async function readSignedBody(source: Request | RawBody, maxBytes: number): Promise<SignedBodyText> {
  if (typeof source === 'string') {
    // A UTF-16 code unit is at least one byte of UTF-8: a long string is too large uncounted.
    if (source.length > maxBytes || encoder.encode(source).length > maxBytes) return { ok: false, problem: 'too_large' };
    return { ok: true, text: source };
  }
  const bytes = source instanceof Uint8Array ? source : await readStream(source.body, maxBytes);
  if (!bytes || bytes.length > maxBytes) return { ok: false, problem: 'too_large' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, problem: 'not_utf8' };
  }
}

/** The stream's bytes, or `undefined` as soon as there are more than `maxBytes`. */
async function readStream(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
