import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import express from 'express';

/** A JSON body encoded once: its bytes, gzipped, and its ETag. */
interface EncodedJson {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * Sends JSON values that many requests share (the status of a target is
 * the same object for every viewer within a second) encoded once per
 * value, not once per request: serialising, gzipping and hashing a status
 * for each of hundreds of viewers a second was most of a request's cost.
 * The root router's compression leaves a body alone that already has a
 * `Content-Encoding`.
 */
export function sharedJsonSender() {
  const encoded = new WeakMap<object, EncodedJson>();
  const encode = (value: object): EncodedJson => {
    let e = encoded.get(value);
    if (!e) {
      const body = Buffer.from(JSON.stringify(value));
      e = {
        body,
        gzip: gzipSync(body),
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      };
      encoded.set(value, e);
    }
    return e;
  };
  return (req: express.Request, res: express.Response, value: object) => {
    const { body, gzip, etag } = encode(value);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', gzip.length);
      res.end(gzip);
      return;
    }
    res.setHeader('Content-Length', body.length);
    res.end(body);
  };
}
