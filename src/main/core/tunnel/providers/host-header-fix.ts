import HeaderHostTransformer from 'localtunnel/lib/HeaderHostTransformer.js';

const HOST_LINE = /(\r\n[Hh]ost: )\S+/;
let applied = false;

/**
 * localtunnel 2.0.2 rewrites the Host header by decoding the first chunk of each tunnelled
 * connection as UTF-8 and re-encoding it, which corrupts any bytes that are not valid UTF-8 —
 * a binary body, or a multi-byte character cut at the chunk edge — and breaks webhook signatures
 * (a 4 KiB binary POST arrives longer than its Content-Length and the receiver answers 400).
 * Latin-1 maps every byte to one code unit and back, so the same rewrite becomes byte-exact.
 */
export function applyHostHeaderFix(): void {
  if (applied) return;
  applied = true;
  HeaderHostTransformer.prototype._transform = function transform(chunk, _encoding, callback) {
    if (this.replaced) {
      callback(null, chunk);
      return;
    }
    const rewritten = chunk.toString('latin1').replace(HOST_LINE, (_line, prefix: string) => {
      this.replaced = true;
      return prefix + this.host;
    });
    callback(null, this.replaced ? Buffer.from(rewritten, 'latin1') : chunk);
  };
}
