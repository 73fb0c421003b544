import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('DATABASE_URL', () => {
  it('is empty by default: the file store in DATA_DIR', () => {
    const result = loadConfig({ DATABASE_URL: '' });
    expect(result.ok && result.config.DATABASE_URL).toBeUndefined();
  });

  it('takes a PostgreSQL URL', () => {
    const result = loadConfig({ DATABASE_URL: 'postgresql://frontline:s3cret@db.internal:5432/frontline' });
    expect(result.ok && result.config.DATABASE_URL).toBe('postgresql://frontline:s3cret@db.internal:5432/frontline');
  });

  it('refuses anything else with an example, without echoing the password', () => {
    const result = loadConfig({ DATABASE_URL: 'mysql://frontline:s3cret@db/frontline' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('DATABASE_URL="…" must be a PostgreSQL URL such as postgres://');
      expect(result.message).not.toContain('s3cret');
    }
  });
});
