import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body read up to a limit: its bytes, or why there are none. */
export type BodyRead =
  | { ok: true; body: Uint8Array }
  /**
   * `body_too_large`: more than the limit was announced or sent; reading stopped there.
   * `body_aborted`: the client went away before the end of the body; there is no one to answer.
   */
  | { ok: false; code: 'body_too_large' | 'body_aborted' };

/**
 * Reads the request body, at most `limit` bytes. A body announced (Content-Length) or sent
 * larger than that is not read on: nothing past the limit is buffered, and `refuseBody`
 * closes the connection after its answer so the rest is never read either.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) return Promise.resolve({ ok: false, code: 'body_too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        return finish({ ok: false, code: 'body_too_large' });
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, body: new Uint8Array(Buffer.concat(chunks)) });
    // 'close' before 'end' (or an 'error'): the upload was cut off.
    const onClose = (): void => finish({ ok: false, code: 'body_aborted' });
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

/**
 * Answers a body `readBody` did not return: 413 `body_too_large`, then closes the connection
 * (the unread rest of the body is never read); nothing for an aborted upload.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, code: 'body_too_large' | 'body_aborted'): void {
  if (code === 'body_aborted' || res.destroyed) return void res.destroy();
  res.once('finish', () => req.socket.destroySoon());
  sendError(res, 413, code, undefined, {}, { Connection: 'close' });
}

/**
 * The request's URL, or `undefined` when its target is not one (`//[` is a valid HTTP request
 * target and no URL at all).
 */
export function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

/** A percent-encoded path segment decoded, or `undefined` when its escapes are not UTF-8. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Sends a raw body as is: lets scenarios answer with something that is not the contract. */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message?: string,
  extra: object = {},
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { code, ...(message ? { message } : {}) }, ...extra }, headers);
}

/** A refused signed request: its code, and with a 400 from the schema the member it names. */
export function sendRejection(res: ServerResponse, rejection: { status: number; code: string; field?: string }): void {
  const { status, code, field } = rejection;
  sendJson(res, status, { error: { code, ...(field === undefined ? {} : { field }) } });
}
