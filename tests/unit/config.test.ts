import { describe, expect, it } from 'vitest';
import { loadConfig, parseDuration } from '../../server/src/config';

describe('config', () => {
  it('reads durations in every unit', () => {
    expect(parseDuration('250', 'X')).toBe(250);
    expect(parseDuration('90s', 'X')).toBe(90_000);
    expect(parseDuration('15m', 'X')).toBe(900_000);
    expect(parseDuration('72h', 'X')).toBe(259_200_000);
    expect(parseDuration('7d', 'X')).toBe(604_800_000);
    expect(() => parseDuration('soon', 'AUTO_CLOSE_AFTER')).toThrow(/AUTO_CLOSE_AFTER/);
  });

  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.autoCloseAfterMs).toBe(72 * 3_600_000);
    expect(config.resolutionDueAfterMs).toBe(7 * 86_400_000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('seeds the demo in production only when SEED_ON_EMPTY=true is set explicitly', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_ON_EMPTY: 'yes' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_ON_EMPTY: 'true' }).seedOnEmpty).toBe(true);
    expect(loadConfig({}).seedOnEmpty).toBe(true);
    expect(loadConfig({ SEED_ON_EMPTY: 'false' }).seedOnEmpty).toBe(false);
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
