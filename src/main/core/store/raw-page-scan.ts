import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads table rows straight from a SQLite file's leaf pages, for when the b-tree pages above them
 * are damaged and SQL can't reach them (https://www.sqlite.org/fileformat2.html, §1.6 and §2.1).
 * Only the main file is read: rows still in the WAL alone are not seen.
 */

export type RawValue = null | number | bigint | string | Buffer;
export interface RawRow {
  rowid: number;
  values: RawValue[];
}

const LEAF_TABLE = 0x0d;

function varint(buf: Buffer, at: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at + i];
    if (byte === undefined) throw new RangeError('varint past the end of the page');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  const last = buf[at + 8];
  if (last === undefined) throw new RangeError('varint past the end of the page');
  return [value * 256 + last, at + 9];
}

const INT_BYTES: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8 };

function decodeRecord(payload: Buffer): RawValue[] {
  const [headerSize, first] = varint(payload, 0);
  const types: number[] = [];
  for (let at = first; at < headerSize; ) {
    const [type, next] = varint(payload, at);
    types.push(type);
    at = next;
  }
  let at = headerSize;
  return types.map((type): RawValue => {
    if (type === 0) return null;
    if (type === 8) return 0;
    if (type === 9) return 1;
    const intBytes = INT_BYTES[type];
    if (intBytes !== undefined) {
      const value = intBytes === 8 ? Number(payload.readBigInt64BE(at)) : payload.readIntBE(at, intBytes);
      at += intBytes;
      return value;
    }
    if (type === 7) {
      const value = payload.readDoubleBE(at);
      at += 8;
      return value;
    }
    if (type < 12) throw new RangeError(`reserved serial type ${type}`);
    const size = Math.floor((type - 12) / 2);
    if (at + size > payload.length) throw new RangeError('value past the end of the record');
    const bytes = payload.subarray(at, at + size);
    at += size;
    return type % 2 === 0 ? Buffer.from(bytes) : bytes.toString('utf8');
  });
}

/** Every row of every table-leaf page that parses; `accept` tells the wanted table's rows apart. */
export function scanLeafRows(file: string, accept: (values: RawValue[]) => boolean): RawRow[] {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return [];
    const usable = pageSize - header.readUInt8(20);
    const pageCount = Math.floor(fstatSync(fd).size / pageSize);
    const readPage = (n: number): Buffer | null => {
      if (n < 1 || n > pageCount) return null;
      const page = Buffer.alloc(pageSize);
      return readSync(fd, page, 0, pageSize, (n - 1) * pageSize) === pageSize ? page : null;
    };
    const payloadOf = (page: Buffer, at: number, size: number): Buffer | null => {
      const maxLocal = usable - 35;
      if (size <= maxLocal) return page.subarray(at, at + size);
      const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
      const k = minLocal + ((size - minLocal) % (usable - 4));
      const local = k <= maxLocal ? k : minLocal;
      const parts = [page.subarray(at, at + local)];
      let have = local;
      let next = page.readUInt32BE(at + local);
      // Bounded by the page count: a damaged chain can't loop forever.
      for (let hops = 0; have < size && hops < pageCount; hops++) {
        const overflow = readPage(next);
        if (!overflow) return null;
        const take = Math.min(usable - 4, size - have);
        parts.push(overflow.subarray(4, 4 + take));
        have += take;
        next = overflow.readUInt32BE(0);
      }
      return have === size ? Buffer.concat(parts) : null;
    };

    const rows: RawRow[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const page = readPage(n);
      if (!page) continue;
      const base = n === 1 ? 100 : 0;
      if (page[base] !== LEAF_TABLE) continue;
      const cells = page.readUInt16BE(base + 3);
      for (let c = 0; c < cells; c++) {
        try {
          const at = page.readUInt16BE(base + 8 + c * 2);
          const [size, afterSize] = varint(page, at);
          const [rowid, afterRowid] = varint(page, afterSize);
          const payload = payloadOf(page, afterRowid, size);
          if (!payload) continue;
          const values = decodeRecord(payload);
          if (accept(values)) rows.push({ rowid, values });
        } catch {
          // A cell garbled by the damage: the next one may still be whole.
        }
      }
    }
    return rows;
  } finally {
    closeSync(fd);
  }
}
