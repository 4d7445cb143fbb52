import { describe, expect, it } from 'vitest';
import { scrub } from '../../server/src/observability/logger';
import { errorCodeLabel, operationLabel } from '../../server/src/observability/metrics';

describe('metric labels stay bounded', () => {
  it('names an operation by its document, buckets the rest, and stops learning names at 200', () => {
    expect(operationLabel('BoardColumn', true)).toBe('BoardColumn');
    expect(operationLabel(null, true)).toBe('anonymous');
    expect(operationLabel('Whatever', false)).toBe('unknown');
    expect(operationLabel('not a name; drop table', true)).toBe('other');
    for (let i = 0; i < 250; i += 1) operationLabel(`Generated${i}`, true);
    expect(operationLabel('BrandNewAfterTheCap', true)).toBe('other');
    expect(operationLabel('BoardColumn', true)).toBe('BoardColumn');
  });

  it('counts errors under the API codes only', () => {
    expect(errorCodeLabel('NOT_FOUND')).toBe('NOT_FOUND');
    expect(errorCodeLabel('SOMETHING_ELSE')).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeLabel(undefined)).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('free text in logs is scrubbed', () => {
  it('of addresses, JWTs, API keys, bearer tokens and bot tokens', () => {
    const text = 'mail to mia@demo.test failed; Bearer abc.def token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig key pk_abcdefghijklmnop bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq';
    expect(scrub(text)).toBe('mail to [address] failed; Bearer [token] token [token] key [api key] bot [bot token]');
  });
});
