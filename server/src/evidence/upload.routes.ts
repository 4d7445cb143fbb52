import busboy from 'busboy';
import { type Request, type Response, Router } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerHasScope } from '../auth/scopes';
import type { Services } from '../graphql/context';
import { canSeeTicket } from '../tickets/ticket-access';
import { Ticket } from '../tickets/ticket.entity';
import { MAX_UPLOAD_BYTES, UploadRefused, storeUpload, streamUpload } from './file-store';
import { Upload } from './upload.entity';
import { requestCredential } from '../http/session-cookie';
import { loggerFor } from '../observability/logger';

const log = loggerFor('evidence');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers early and still reads what the client sends, so it sees the answer instead of a reset. */
function refuse(req: Request, res: Response, status: number, error: string) {
  if (!res.headersSent) res.status(status).json({ error });
  req.unpipe();
  req.resume();
}

/** POST /uploads (multipart, field `file`) and GET /attachments/:id, both with Bearer credentials. */
export function evidenceRoutes(services: Services): Router {
  const router = Router();
  const em = () => services.orm.em.fork() as EntityManager;

  router.post('/uploads', async (req, res) => {
    const viewer = await credentialViewer(services, req);
    if (!viewer) return refuse(req, res, 401, 'Sign in first');
    // Uploading is the first half of attachEvidence: an API key needs what that mutation needs.
    if (!viewerHasScope(viewer, 'tickets:write')) return refuse(req, res, 403, 'This API key lacks the tickets:write scope');
    if (Number(req.headers['content-length']) > MAX_UPLOAD_BYTES + 64 * 1024) return refuse(req, res, 413, 'Files are at most 10 MB');
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 5 } });
    } catch {
      return refuse(req, res, 400, 'Send multipart/form-data with a field named file');
    }
    let handled = false;
    parser.on('file', (field, file, info) => {
      if (field !== 'file' || handled) return file.resume();
      handled = true;
      storeUpload(em(), viewer.id, info.filename, file).then(
        (upload) => res.status(201).json({ id: upload.id, filename: upload.filename, contentType: upload.contentType, size: upload.size }),
        (error) => {
          file.resume();
          if (error instanceof UploadRefused) return refuse(req, res, error.status, error.message);
          log.error({ err: error }, 'upload failed');
          refuse(req, res, 500, 'The upload failed');
        },
      );
    });
    parser.on('close', () => {
      if (!handled) refuse(req, res, 400, 'No file: send it in a field named file');
    });
    parser.on('error', () => refuse(req, res, 400, 'The multipart body is malformed'));
    req.pipe(parser);
  });

  router.get('/attachments/:id', async (req, res) => {
    const notFound = () => res.status(404).json({ error: 'Not found' });
    const fork = em();
    const viewer = await credentialViewer(services, req);
    if (!viewer) return res.status(401).json({ error: 'Sign in first' });
    if (!viewerHasScope(viewer, 'tickets:read')) return res.status(403).json({ error: 'This API key lacks the tickets:read scope' });
    if (!UUID.test(req.params.id)) return notFound();
    const upload = await fork.findOne(Upload, { id: req.params.id.toLowerCase() });
    if (!upload) return notFound();
    // Not yet evidence: only its owner. Evidence: whoever may see the ticket.
    const ticket = upload.ticket ? await fork.findOne(Ticket, { id: upload.ticket.id }) : null;
    const allowed = ticket ? await canSeeTicket(fork, viewer, ticket) : upload.owner.id === viewer.id;
    if (!allowed) return notFound();
    res.set({
      'Content-Type': upload.contentType,
      'Content-Length': String(upload.size),
      'Content-Disposition': `attachment; filename="${upload.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(upload.filename)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    await streamUpload(fork, upload.id, res);
  });
  return router;
}

/** The caller of an upload request: a Bearer header, or the dashboard's session cookie behind its CSRF checks. */
async function credentialViewer(services: Services, req: Request) {
  try {
    return await services.auth.authenticate(requestCredential(req, services.config.publicUrl).authorization);
  } catch {
    return null;
  }
}
