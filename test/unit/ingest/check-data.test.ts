import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, TEAM, workbook } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function checkData(dir: string) {
  const out = spawnSync(process.execPath, ['scripts/check-data.ts'], {
    cwd: root,
    env: { ...process.env, KAM_DATA_DIR: dir, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run check-data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kam-check-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 when there are only warnings and prints them with the summary', async () => {
    await writeFile(
      path.join(dir, 'book.xlsx'),
      workbook({ team: TEAM, accounts: ACCOUNTS, Notes: [['x']] }),
    );
    const { code, stdout } = checkData(dir);
    expect(stdout).toContain('warning book.xlsx › Notes: unknown sheet; ignored (did you mean');
    expect(stdout.trim().split('\n').at(-1)).toBe('0 errors, 1 warning in 1 file (4 rows)');
    expect(stdout).not.toContain('\x1b[');
    expect(code).toBe(0);
  });

  it('exits 1 on errors, listing errors before warnings', async () => {
    await writeFile(
      path.join(dir, 'scores.csv'),
      'account_id;period;criterion_id;score\nA1;2026-Q1;str_quality;11\n',
    );
    const { code, stdout } = checkData(dir);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('error   scores.csv › scores › row 2 (D2) › score: must be at most 10 (got 11)');
    expect(lines.findIndex((l) => l.startsWith('error'))).toBeLessThan(
      lines.findIndex((l) => l.startsWith('warning')),
    );
    expect(lines.at(-1)).toBe('1 error, 1 warning in 2 files (5 rows)');
    expect(code).toBe(1);
  });

  it("writes in the data's locale", async () => {
    const ru = await mkdtemp(path.join(tmpdir(), 'kam-check-ru-'));
    try {
      await writeFile(
        path.join(ru, 'book.xlsx'),
        workbook({
          настройки: [
            ['ключ', 'значение'],
            ['locale', 'ru'],
          ],
          команда: TEAM,
          клиенты: ACCOUNTS,
        }),
      );
      await writeFile(
        path.join(ru, 'finance.xlsx'),
        workbook({
          Финансы: [
            ['код_клиента', 'период', 'выручка_товары'],
            ['A1', '2026', 'около 12 тыс.'],
          ],
        }),
      );
      const { code, stdout } = checkData(ru);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toBe(`Проверка ${ru}`);
      expect(lines).toContain(
        'ошибка         finance.xlsx › Финансы › строка 2 (C2) › выручка_товары: «около 12 тыс.» — не число',
      );
      expect(lines.at(-1)).toBe('1 ошибка, 0 предупреждений в 2 файлах (6 строк)');
      expect(code).toBe(1);
    } finally {
      await rm(ru, { recursive: true, force: true });
    }
  });

  it('exits 1 when the data folder does not exist', () => {
    const { code, stdout } = checkData(path.join(dir, 'missing'));
    expect(stdout).toContain('does not exist');
    expect(code).toBe(1);
  });
});
