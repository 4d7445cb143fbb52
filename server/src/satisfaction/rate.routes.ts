import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { escapeHtml } from '../notifications/email/render-email';
import type { Services } from '../graphql/context';
import { rateByToken } from './satisfaction.service';

const page = (title: string, text: string, publicUrl: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222">
<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>
<p><a href="${escapeHtml(publicUrl)}/">Open the dashboard</a> to add a comment.</p></body></html>`;

/** GET /rate/<token>?score=N: the one-click links of the satisfaction email (no sign-in, one use). */
export function rateRoutes(services: Services): Router {
  const router = Router();
  router.get('/rate/:token', async (req, res) => {
    const outcome = await rateByToken(services.orm.em as EntityManager, services.config, req.params.token, Number(req.query.score));
    const { publicUrl } = services.config;
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' }).type('html');
    if (outcome.kind === 'rated') return res.send(page('Thank you!', `You rated ticket ${outcome.ticketNumber} ${outcome.score} out of 5.`, publicUrl));
    if (outcome.kind === 'used') return res.status(409).send(page('Already rated', 'This ticket has its rating already; each link works once.', publicUrl));
    return res.status(404).send(page('Link not valid', 'This rating link is not valid. Rate the ticket from its page in the dashboard.', publicUrl));
  });
  return router;
}
