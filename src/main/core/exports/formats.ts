import { BUNDLE_FORMAT_NAME, BUNDLE_FORMAT_VERSION } from './bundle-format';
import type { BundleWorkspace } from '../../../shared/domain/bundle-workspace';
import type { LogExportFormat, LogExportMeta } from '../../../shared/domain/log-export';
import type { ExportItem } from './export-item';

/** How one format writes a file: its head, each item (told whether it is the first), its tail. */
export interface FormatWriter {
  head: string;
  item(item: ExportItem, first: boolean): string;
  tail: string;
}

const metaLines = (meta: LogExportMeta): string[] => [
  `Inlet ${meta.inletVersion} log export, ${meta.exportedAt}`,
  `Source: ${meta.source ? `${meta.source.key} (${meta.source.name})` : 'all sources'}; environment: ${meta.environment ?? 'all'}`,
  `Filters: ${JSON.stringify(meta.filters)}`,
  meta.redaction
    ? `Redacted (${[...meta.redaction.detectors, ...(meta.redaction.rules ? [`${meta.redaction.rules} user rule(s)`] : [])].join(', ') || 'no detectors'}): changed requests no longer match their signatures; re-sign them to replay.`
    : 'Not redacted: bodies are byte for byte as logged.',
];

/** Inlet capture lines: a first `{"inlet": meta}` line, then one capture per line (`events.import` reads them). */
const jsonl = (meta: LogExportMeta): FormatWriter => ({
  head: `${JSON.stringify({ inlet: meta })}\n`,
  item: (e) =>
    `${JSON.stringify({
      method: e.method, headers: e.headers, body: e.body, bodyEncoding: e.bodyEncoding, query: e.query, receivedAt: e.receivedAt,
      eventType: e.eventType, source: e.sourceKey, environment: e.environment, ...(e.redacted ? { redacted: true } : {}),
    })}\n`,
  tail: '',
});

const nameValues = (pairs: Iterable<[string, string]>) => [...pairs].map(([name, value]) => ({ name, value }));

function queryPairs(query: string): Array<[string, string]> {
  if (query === '') return [];
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    return eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
  });
}

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): one entry per event; Inlet's own fields start with `_`. */
const har = (meta: LogExportMeta, receiverUrl: string): FormatWriter => ({
  head: `{"log":{"version":"1.2","creator":${JSON.stringify({ name: 'Inlet', version: meta.inletVersion, comment: 'Webhooks received by Inlet' })},"comment":${JSON.stringify(metaLines(meta).join('\n'))},"_inlet":${JSON.stringify(meta)},"pages":[],"entries":[\n`,
  item: (e, first) => {
    const size = e.bodyEncoding === 'base64' ? Buffer.from(e.body, 'base64').length : Buffer.byteLength(e.body);
    const entry = {
      startedDateTime: new Date(e.receivedAt).toISOString(),
      time: 0,
      request: {
        method: e.method,
        url: `${receiverUrl}${e.path}${e.query ? `?${e.query}` : ''}`,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: nameValues(Object.entries(e.headers)),
        queryString: nameValues(queryPairs(e.query)),
        postData: { mimeType: e.contentType ?? e.headers['content-type'] ?? '', text: e.body, ...(e.bodyEncoding === 'base64' ? { encoding: 'base64' } : {}) },
        headersSize: -1,
        bodySize: size,
      },
      response: {
        status: e.responseStatus, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [],
        content: { size: -1, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
      comment: `#${e.id}${e.eventType ? ` ${e.eventType}` : ''}${e.redacted ? ' (redacted: re-sign to replay)' : ''}`,
      _inlet: { id: e.id, eventType: e.eventType, source: e.sourceKey, environment: e.environment, redacted: e.redacted },
    };
    return `${first ? '' : ',\n'}${JSON.stringify(entry)}`;
  },
  tail: '\n]}}\n',
});

/**
 * A `.http` file (VS Code REST Client, JetBrains HTTP Client): `#` comment lines with the
 * metadata, a `@receiver` variable, then one request per event separated by `###`.
 */
const httpFile = (meta: LogExportMeta, receiverUrl: string): FormatWriter => ({
  head: `${metaLines(meta).map((l) => `# ${l}`).join('\n')}\n\n@receiver = ${receiverUrl}\n`,
  item: (e) => {
    const lines = [`\n### #${e.id}${e.eventType ? ` ${e.eventType}` : ''} at ${new Date(e.receivedAt).toISOString()}`];
    if (e.redacted) lines.push('# redacted: its signature no longer matches; re-sign to replay');
    lines.push(`${e.method} {{receiver}}${e.path}${e.query ? `?${e.query}` : ''} HTTP/1.1`);
    for (const [name, value] of Object.entries(e.headers)) lines.push(`${name}: ${value.replace(/[\r\n]+/g, ' ')}`);
    if (e.bodyEncoding === 'base64') lines.push('', `# binary body (${Buffer.from(e.body, 'base64').length} bytes, base64): not runnable from this file`, `# ${e.body}`);
    else if (e.body !== '') lines.push('', e.body);
    return `${lines.join('\n')}\n`;
  },
  tail: '',
});

/** A bundle holding only the log slice (the `events` part of an Inlet bundle), importable as one. */
const bundle = (meta: LogExportMeta): FormatWriter => ({
  head: `{"format":${JSON.stringify(BUNDLE_FORMAT_NAME)},"version":${BUNDLE_FORMAT_VERSION},"exportedAt":${Date.parse(meta.exportedAt)},"inletVersion":${JSON.stringify(meta.inletVersion)},"redacted":${meta.redaction !== null},"meta":${JSON.stringify(meta)},"events":[\n`,
  item: (e, first) =>
    `${first ? '' : ',\n'}${JSON.stringify({
      source: e.sourceKey, environment: e.environment, receivedAt: e.receivedAt, method: e.method, query: e.query,
      headers: Object.entries(e.headers), body: e.body, bodyEncoding: e.bodyEncoding,
      // Each event says whether redaction changed it: the file-wide mark would re-sign untouched ones too.
      ...(meta.redaction !== null ? { redacted: e.redacted } : {}),
    })}`,
  tail: bundleTail(null),
});

/** The end of a bundle log slice: its `events` closed, then the workspace snapshot when there is one. */
export const bundleTail = (workspace: readonly BundleWorkspace[] | null): string => (workspace ? `\n],"workspace":${JSON.stringify(workspace)}}\n` : '\n]}\n');

export function formatWriter(format: LogExportFormat, meta: LogExportMeta, receiverUrl: string): FormatWriter {
  switch (format) {
    case 'jsonl':
      return jsonl(meta);
    case 'har':
      return har(meta, receiverUrl);
    case 'http':
      return httpFile(meta, receiverUrl);
    case 'bundle':
      return bundle(meta);
  }
}
