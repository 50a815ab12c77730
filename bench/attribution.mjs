// Where the bytes of dist/shouyin.min.js go: each group's share of the gzip size, read from the
// bundle's source map. A group's share is what the bundle's gzip would lose without that
// group's code (the bundle gzipped with the group's characters cut out, subtracted from the
// whole), so it counts what the group costs next to everything else; the shares need not add
// up to the whole, because gzip shares repeated text across groups.

import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/**
 * The segments of a source map v3 `mappings` string, as [line, column, sourceIndex] with
 * sourceIndex -1 for a segment that names no source. Lines and columns are 0-based.
 * @param {string} mappings
 * @returns {Array<[number, number, number]>}
 */
export function decodeMappings(mappings) {
  /** @type {Array<[number, number, number]>} */
  const segments = [];
  let source = 0;
  let line = 0;
  for (const text of mappings.split(';')) {
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = DIGIT.get(char);
        if (digit === undefined) throw new Error(`source map: ${JSON.stringify(char)} is not base64 VLQ`);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) source += fields[1];
      segments.push([line, column, fields.length >= 4 ? source : -1]);
    }
    line++;
  }
  return segments;
}

/**
 * The groups a bundle's bytes are told apart by: the first whose pattern matches a source's
 * path takes it. Sources are paths as the map names them (node_modules/…, src/…).
 */
export const GROUPS = [
  ['Lit', /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//],
  ['zod/mini', /node_modules\/zod\//],
  ['imask', /node_modules\/imask\//],
  ['catalog (zh-CN; zh-TW and en are lazy chunks)', /src\/i18n\/(zh-CN|zh-TW|en)\.ts$/],
  ['styles and tokens', /src\/.*(\.styles\.ts|\/tokens\.ts)$/],
  ['card form', /src\/card\//],
  ['checkout', /src\/checkout\//],
  ['channel list', /src\/channels\//],
  ['protocol (schemas, signature, JWE)', /src\/protocol\//],
  ['transport', /src\/transport\//],
  ['everything else of ours', /src\//],
];

/**
 * Each group's share of the gzip size of `code`, given its source map (parsed JSON).
 * @param {string} code
 * @param {{ sources: string[], mappings: string }} map
 * @returns {{ gzip: number, shares: Array<{ group: string, raw: number, gzip: number }> }}
 */
export function attributeBytes(code, map) {
  const lineStarts = [0];
  for (let at = code.indexOf('\n'); at !== -1; at = code.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const spans = decodeMappings(map.mappings)
    .map(([line, column, source]) => ({ at: lineStarts[line] + column, source }))
    .sort((a, b) => a.at - b.at);
  const groupOf = map.sources.map((source) => GROUPS.findIndex(([, pattern]) => pattern.test(source.replace(/\\/g, '/'))));
  /** Which group each character of `code` belongs to (-1: none). */
  const owner = new Int8Array(code.length).fill(-1);
  spans.forEach(({ at, source }, i) => {
    const end = i + 1 < spans.length ? spans[i + 1].at : code.length;
    owner.fill(source === -1 ? -1 : groupOf[source], at, end);
  });
  const gzip = gzipSync(code, { level: 9 }).length;
  // A source map names no source for some text (the CSS our build minifies in place, the
  // bundle's own wrapper): it gets a row of its own.
  const rows = [...GROUPS.map(([group]) => group), 'no source in the map (mostly our minified CSS)'];
  const shares = rows.map((group, i) => {
    const index = i < GROUPS.length ? i : -1;
    let kept = '';
    let raw = 0;
    for (let at = 0; at < code.length; ) {
      let end = at;
      while (end < code.length && (owner[end] === index) === (owner[at] === index)) end++;
      if (owner[at] === index) raw += end - at;
      else kept += code.slice(at, end);
      at = end;
    }
    return { group, raw, gzip: gzip - gzipSync(kept, { level: 9 }).length };
  });
  return { gzip, shares };
}
