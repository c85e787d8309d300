// A small zip reader for the page: the central directory says where each entry is; entries stored (method 0) are
// used as they are, deflated ones (method 8) are inflated with the browser's DecompressionStream('deflate-raw').
// Every entry's CRC-32 and size are checked. Anything else (ZIP64, encryption, other methods, multi-disk archives)
// is refused with a ZipError that says what it was.

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a zip's directory.
 * @param {ArrayBuffer} buffer the whole zip
 * @returns {{name: string, size: number, compressedSize: number, method: number, crc: number,
 *            directory: boolean, read: () => Promise<Uint8Array>}[]} the entries, in directory order
 */
export function readZip(buffer) {
  const view = new DataView(buffer);
  const end = findEndOfDirectory(view);
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || cdDisk !== 0) {
    throw new ZipError('a zip split over several disks is not supported');
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipError('ZIP64 archives are not supported');
  }
  if (cdOffset + cdSize > end) {
    throw new ZipError('the central directory lies outside the file: not a zip, or a truncated one');
  }
  const names = new TextDecoder('utf-8');
  const entries = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) {
      throw new ZipError(`entry ${i + 1} of ${count}: no central directory header where one should be`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = names.decode(new Uint8Array(buffer, p + 46, nameLength));
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError(`${name}: ZIP64 entries are not supported`);
    }
    p += 46 + nameLength + extraLength + commentLength;
    entries.push({
      name, size, compressedSize, method, crc,
      directory: name.endsWith('/'),
      read: () => readEntry(buffer, view, { name, flags, method, crc, compressedSize, size, localOffset }),
    });
  }
  return entries;
}

function findEndOfDirectory(view) {
  // the record is 22 bytes plus a comment of at most 65535
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === EOCD) {
      return p;
    }
  }
  throw new ZipError('no end of central directory record: not a zip file');
}

async function readEntry(buffer, view, e) {
  if (e.flags & 0x1) {
    throw new ZipError(`${e.name}: encrypted entries are not supported`);
  }
  if (e.localOffset + 30 > buffer.byteLength || view.getUint32(e.localOffset, true) !== LOCAL) {
    throw new ZipError(`${e.name}: no local header where the directory says`);
  }
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > buffer.byteLength) {
    throw new ZipError(`${e.name}: its data runs past the end of the file`);
  }
  const data = new Uint8Array(buffer, start, e.compressedSize);
  let bytes;
  if (e.method === 0) {
    bytes = data.slice();
  } else if (e.method === 8) {
    if (typeof DecompressionStream === 'undefined') {
      throw new ZipError('this browser cannot inflate (no DecompressionStream)');
    }
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  } else {
    throw new ZipError(`${e.name}: compression method ${e.method} is not supported (only stored and deflated)`);
  }
  if (bytes.length !== e.size) {
    throw new ZipError(`${e.name}: ${bytes.length} bytes inflated, the directory says ${e.size}`);
  }
  if (crc32(bytes) !== e.crc) {
    throw new ZipError(`${e.name}: CRC-32 mismatch, the entry is corrupt`);
  }
  return bytes;
}

let table;

/** @returns {number} the CRC-32 (ISO-HDLC, as zip uses) of the bytes, unsigned */
export function crc32(bytes) {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
