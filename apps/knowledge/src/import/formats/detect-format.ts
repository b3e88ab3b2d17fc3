import { open } from 'node:fs/promises';
import { CatalogueFormat } from '../catalogue-record';
import { D115JsonFormat } from './d115-json.format';
import { DldbFormat, DldbOptions } from './dldb.format';
import { XzufiFormat } from './xzufi.format';

/** Picks the parser from the file's first 64 KiB: XML is XZuFi; JSON is d115's own format or a DLDB export. */
export async function detectFormat(path: string, options: DldbOptions = {}): Promise<CatalogueFormat | { unknown: string }> {
  const handle = await open(path, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
  } finally {
    await handle.close();
  }
  if (head.startsWith('<')) return new XzufiFormat();
  if (!head.startsWith('{') && !head.startsWith('[')) return { unknown: 'neither XML nor JSON' };
  if (/"format"\s*:\s*"d115-catalogue"/.test(head)) return new D115JsonFormat();
  if (/"data"\s*:/.test(head)) {
    const service = head.search(/"(leika|authorities|fees)"\s*:/);
    const location = head.search(/"(address|opening_times|contact)"\s*:/);
    if (service >= 0 && (location < 0 || service < location)) return new DldbFormat('dldb-services', options);
    if (location >= 0) return new DldbFormat('dldb-locations', options);
  }
  return { unknown: 'JSON, but neither a d115 catalogue ("format": "d115-catalogue") nor a DLDB services/locations export' };
}
