import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveShareSecret, SECRET_FILE } from '../../../src/share/secret.ts';
import { shareToken } from '../../../src/share/token.ts';

describe('shareToken', () => {
  it('is 64 hex characters', () => {
    expect(shareToken('A001', 's3cret')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable for the same id and secret', () => {
    expect(shareToken('A001', 's3cret')).toBe(shareToken('A001', 's3cret'));
  });

  it('depends on the secret and on the id', () => {
    expect(shareToken('A001', 's3cret')).not.toBe(shareToken('A001', 'other'));
    expect(shareToken('A001', 's3cret')).not.toBe(shareToken('A002', 's3cret'));
  });

  it('is the HMAC-SHA256 of the id (known answer)', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    expect(shareToken('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe('resolveShareSecret', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kam-secret-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a random 32-byte hex secret once, mode 0600, and reuses it', () => {
    const first = resolveShareSecret({ root, env: {} });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = join(root, SECRET_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveShareSecret({ root, env: {} })).toBe(first);
  });

  it('gives different projects different secrets', () => {
    const other = mkdtempSync(join(tmpdir(), 'kam-secret-'));
    try {
      expect(resolveShareSecret({ root, env: {} })).not.toBe(resolveShareSecret({ root: other, env: {} }));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('reads an existing file and ignores surrounding whitespace', () => {
    writeFileSync(join(root, SECRET_FILE), '  from-file \n');
    expect(resolveShareSecret({ root, env: {} })).toBe('from-file');
  });

  it('prefers KAM_SHARE_SECRET over the file and does not create one', () => {
    expect(resolveShareSecret({ root, env: { KAM_SHARE_SECRET: 'from-env' } })).toBe('from-env');
    expect(() => statSync(join(root, SECRET_FILE))).toThrow();
    writeFileSync(join(root, SECRET_FILE), 'from-file\n');
    expect(resolveShareSecret({ root, env: { KAM_SHARE_SECRET: 'from-env' } })).toBe('from-env');
  });

  it('treats an empty KAM_SHARE_SECRET as unset', () => {
    writeFileSync(join(root, SECRET_FILE), 'from-file\n');
    expect(resolveShareSecret({ root, env: { KAM_SHARE_SECRET: '  ' } })).toBe('from-file');
  });

  it('replaces an empty secret file with a new secret', () => {
    writeFileSync(join(root, SECRET_FILE), '\n', { mode: 0o644 });
    const secret = resolveShareSecret({ root, env: {} });
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(root, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveShareSecret({ root, env: {} })).toBe(secret);
  });
});
