import type { Readable, Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { sniffContentType } from './sniff';
import { Upload } from './upload.entity';
import { run } from '../db/raw-sql';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Bytes per stored row: large enough to keep rows few, small enough to never hold a whole file. */
const CHUNK_BYTES = 256 * 1024;

/** Why an upload was refused, with the HTTP status it answers. */
export class UploadRefused extends Error {
  constructor(readonly status: 413 | 415, message: string) {
    super(message);
  }
}

/** A name safe to show and to put in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return base.slice(0, 200) || 'file';
}

/**
 * Streams a file into PostgreSQL in 256 KB rows inside one transaction: a refused or broken upload
 * leaves nothing behind. The type is judged from the first chunk; more than 10 MB is refused as it
 * arrives, without reading the rest.
 */
export async function storeUpload(em: EntityManager, ownerId: string, filename: string | undefined, file: Readable): Promise<Upload> {
  return em.fork().transactional(async (tx) => {
    const upload = Object.assign(new Upload(), { owner: tx.getReference(User, ownerId), filename: cleanFilename(filename), contentType: '', size: 0 });
    tx.persist(upload);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    const flush = async (complete: boolean) => {
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      if (seq === 0) {
        const type = sniffContentType(data, complete);
        if (!type) throw new UploadRefused(415, 'Only PNG, JPEG, WebP, PDF or plain text files are accepted');
        upload.contentType = type;
        await tx.flush();
      }
      if (!data.length) return;
      await run(tx, 'insert into upload_chunks (upload_id, seq, data) values (?, ?, ?)', [upload.id, seq, data]);
      seq += 1;
    };
    for await (const chunk of file as AsyncIterable<Buffer>) {
      upload.size += chunk.length;
      if (upload.size > MAX_UPLOAD_BYTES) throw new UploadRefused(413, 'Files are at most 10 MB');
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= CHUNK_BYTES) await flush(false);
    }
    if (pendingBytes || seq === 0) await flush(true);
    return upload;
  });
}

/** Writes a stored file to `out` one row at a time, waiting whenever the client reads slower. */
export async function streamUpload(em: EntityManager, uploadId: string, out: Writable): Promise<void> {
  const conn = em.getConnection();
  for (let seq = 0; ; seq += 1) {
    const rows: Array<{ data: Buffer }> = await conn.execute('select data from upload_chunks where upload_id = ? and seq = ?', [uploadId, seq]);
    if (!rows.length) break;
    if (!out.write(rows[0].data)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
}

