import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dataDir,
  formatProblem,
  ingestFiles,
  ingestFolder,
  listDataFiles,
  summarize,
  type InputFile,
} from '../../../src/ingest/index.ts';
import { readSpreadsheet } from '../../../src/ingest/read.ts';
import {
  ACCOUNTS,
  cp1251,
  dateCell,
  DIV0,
  errorCell,
  errors,
  messages,
  NA,
  TEAM,
  utf8,
  utf8Bom,
  warnings,
  workbook,
  type Aoa,
} from './helpers.ts';

const file = (name: string, data: Uint8Array): InputFile => ({ name, data });
const NO_ACCOUNTS = 'no accounts: no sheet or file named accounts (клиенты) has any rows';
const book = (name: string, sheets: Record<string, Aoa>) => file(name, workbook(sheets));
const base = (extra: Record<string, Aoa> = {}) =>
  book('book.xlsx', { team: TEAM, accounts: ACCOUNTS, ...extra });

describe('a valid workbook', () => {
  it('gives typed records with defaults and no problems', () => {
    const r = ingestFiles([
      base({
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A1', '2026-q1', 'str_quality', '7,5'],
          ['A1', 2025, 'str_cost', 8],
        ],
        financials: [
          ['account_id', 'period', 'revenue_goods', 'cogs'],
          ['A1', '2026-Q1', '1 234 567,50 ₽', ''],
        ],
        contacts: [
          ['contact_id', 'account_id', 'name', 'owner_id'],
          ['c1', 'A1', 'Olga', 'm2'],
        ],
      }),
    ]);
    expect(messages(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.data.team[0]).toEqual({
      member_id: 'm1',
      name: 'Anna Petrova',
      role: 'kam',
      professionalism: 3,
      has_support_staff: false,
    });
    expect(r.data.accounts[0]).toMatchObject({ account_id: 'A1', since: '2024-01-15', status: 'active' });
    expect(r.data.scores).toEqual([
      { account_id: 'A1', period: '2026-Q1', criterion_id: 'str_quality', score: 7.5 },
      { account_id: 'A1', period: '2025', criterion_id: 'str_cost', score: 8 },
    ]);
    expect(r.data.financials[0]).toMatchObject({ revenue_goods: 1234567.5, cogs: 0, revenue_ip: 0 });
    expect(r.data.contacts[0]).toMatchObject({ reachable: true });
    expect(r.files).toEqual([
      {
        file: 'book.xlsx',
        bytes: expect.any(Number),
        sheets: [
          { sheet: 'team', dataset: 'team', rows: 2 },
          { sheet: 'accounts', dataset: 'accounts', rows: 2 },
          { sheet: 'scores', dataset: 'scores', rows: 2 },
          { sheet: 'financials', dataset: 'financials', rows: 1 },
          { sheet: 'contacts', dataset: 'contacts', rows: 1 },
        ],
      },
    ]);
    expect(summarize(r)).toBe('0 errors, 0 warnings in 1 file (8 rows)');
  });

  it('matches Russian sheet names, headers and enum labels, ignoring case, spaces, - and _', () => {
    const r = ingestFiles([
      book('книга.xlsx', {
        Команда: [
          ['Сотрудник ID', 'Имя', 'Роль'],
          ['m1', 'Анна', 'менеджер KAM'],
        ],
        'Accounts ': [
          ['Account-ID', 'NAME', 'kam id', 'since', 'Статус'],
          ['A1', 'Acme', 'm1', '01.02.2024', 'потенциальный'],
        ],
      }),
    ]);
    expect(messages(r)).toEqual([]);
    expect(r.data.team).toMatchObject([{ member_id: 'm1', role: 'kam' }]);
    expect(r.data.accounts).toMatchObject([{ account_id: 'A1', since: '2024-02-01', status: 'prospect' }]);
  });
});

describe('locations in messages', () => {
  it('names file › sheet › row › column for a bad cell', () => {
    const r = ingestFiles([
      base({
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A1', '2026-Q5', 'str_quality', 11],
          ['A1', '2026-Q1', 'str_cost', 'lots'],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'book.xlsx › scores › row 2 (B2) › period: "2026-Q5" is not a period (use YYYY, YYYY-Qn or YYYY-MM)',
      'book.xlsx › scores › row 2 (D2) › score: must be at most 10 (got 11)',
      'book.xlsx › scores › row 3 (D3) › score: "lots" is not a number',
    ]);
    expect(r.ok).toBe(false);
    expect(r.data.scores).toEqual([]);
  });

  it('names an Excel error cell', () => {
    const r = ingestFiles([
      base({
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A1', '2026-Q1', 'str_quality', errorCell(DIV0)],
          ['A1', '2026-Q1', errorCell(NA), 5],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'book.xlsx › scores › row 2 (D2) › score: Excel error #DIV/0!',
      'book.xlsx › scores › row 3 (C3) › criterion_id: Excel error #N/A',
    ]);
  });

  it('counts blank rows so row numbers match the spreadsheet', () => {
    const r = ingestFiles([
      base({
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          [],
          ['', '  ', null, ''],
          ['A1', '2026-Q1', 'str_quality', 'bad'],
        ],
      }),
    ]);
    expect(errors(r)).toEqual(['book.xlsx › scores › row 4 (D4) › score: "bad" is not a number']);
    expect(r.files[0]?.sheets.find((s) => s.sheet === 'scores')?.rows).toBe(1);
  });

  it('names a missing required value and a number that must be whole', () => {
    const r = ingestFiles([
      book('team.xlsx', {
        team: [
          ['member_id', 'name', 'role', 'professionalism'],
          ['m1', '', 'kam', 2.5],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      NO_ACCOUNTS,
      'team.xlsx › team › row 2 (B2) › name: a value is required',
      'team.xlsx › team › row 2 (D2) › professionalism: must be a whole number (got 2.5)',
    ]);
  });

  it('names row 1 for a missing required column and still checks the other cells', () => {
    const r = ingestFiles([
      book('accounts.xlsx', {
        team: TEAM,
        accounts: [
          ['account_id', 'name', 'since'],
          ['A1', 'Acme', 'yesterday'],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'accounts.xlsx › accounts › row 1 › kam_id: required column is missing',
      'accounts.xlsx › accounts › row 2 (C2) › since: "yesterday" is not a date (use YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)',
    ]);
  });

  it('reports a column given twice and reads a header below blank rows with true row numbers', () => {
    const r = ingestFiles([
      book('t.xlsx', {
        team: [[], [], ['member_id', 'name', 'role', 'Имя'], ['m1', 'Anna', 'chief', 'Анна']],
      }),
    ]);
    expect(errors(r)).toEqual([
      NO_ACCOUNTS,
      't.xlsx › team › row 3 (D3) › Имя: column appears twice (columns B and D); the second is ignored',
      't.xlsx › team › row 4 (C4) › role: "chief" is not one of: kam, team_member, support, manager',
    ]);
  });

  it('warns about unknown columns, unknown sheets, empty sheets and data without a header', () => {
    const r = ingestFiles([
      base({
        Acounts: [['x']],
        financials: [['account_id', 'period']],
        Sheet1: [],
        README: [['How to fill in this workbook']],
        positioning: [
          ['account_id', 'period', 'risk', 'spend', 'note', ''],
          ['A1', '2026', 5, 5, 'x', 'stray'],
        ],
        contacts: [
          ['contact_id', 'account_id', 'name', 'reachble', 'влиянье'],
          ['c1', 'A1', 'Olga', 'no', 3],
        ],
      }),
    ]);
    expect(r.ok).toBe(true);
    expect(warnings(r)).toEqual([
      'book.xlsx › Acounts: unknown sheet; ignored (did you mean "accounts"?)',
      'book.xlsx › financials › row 1: no data rows under the header (dataset financials)',
      'book.xlsx › Sheet1: unknown sheet; ignored (did you mean "team"?)',
      'book.xlsx › positioning › row 1 (E1) › note: unknown column ignored',
      'book.xlsx › positioning › row 1 (F1): values in a column without a header are ignored',
      'book.xlsx › contacts › row 1 (D1) › reachble: unknown column ignored (did you mean "reachable"?)',
      'book.xlsx › contacts › row 1 (E1) › влиянье: unknown column ignored (did you mean "влияние"?)',
    ]);
  });
});

describe('several files and cross-references', () => {
  it('concatenates files feeding one dataset and names both places of a duplicate key', () => {
    const fin = (rows: Aoa) => [['account_id', 'period', 'revenue_goods'], ...rows];
    const r = ingestFiles([
      book('financials-2026.xlsx', {
        financials: fin([
          ['A1', '2026-Q1', 10],
          ['A2', '2025-Q4', 30],
        ]),
      }),
      book('financials-2025.xlsx', { financials: fin([['A1', '2025-Q4', 20], [], ['A2', '2025-Q4', 40]]) }),
      base(),
    ]);
    expect(errors(r)).toEqual([
      'financials-2026.xlsx › financials › row 3: duplicate account_id "A2", period "2025-Q4" (first at financials-2025.xlsx › financials › row 4)',
    ]);
    expect(r.data.financials.map((f) => [f.account_id, f.period, f.revenue_goods])).toEqual([
      ['A1', '2025-Q4', 20],
      ['A2', '2025-Q4', 40],
      ['A1', '2026-Q1', 10],
    ]);
  });

  it('names the first row of a duplicate in the same sheet', () => {
    const r = ingestFiles([book('team.xlsx', { team: [...TEAM, ['m1', 'Again', 'kam']] })]);
    expect(errors(r)).toEqual([
      NO_ACCOUNTS,
      'team.xlsx › team › row 4 (A4) › member_id: duplicate member_id "m1" (first at row 2)',
    ]);
  });

  it('names both ends of a dangling reference, also on a row with other errors', () => {
    const r = ingestFiles([
      book('team.xlsx', { team: TEAM }),
      book('accounts.xlsx', {
        accounts: [
          ...ACCOUNTS,
          ['A3', 'Initech', 'm1', '2024-01-01'],
          ['A4', 'Hooli', 'm9', '2024-01-01'],
          ['A5', 'Umbrella', 'm8', 'never'],
        ],
      }),
      book('scores.xlsx', {
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A4', '2026-Q1', 'str_quality', 5],
          ['A9', '2026-Q1', 'nope', 5],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'accounts.xlsx › accounts › row 5 (C5) › kam_id: "m9" is not a member_id in team',
      'accounts.xlsx › accounts › row 6 (D6) › since: "never" is not a date (use YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)',
      'accounts.xlsx › accounts › row 6 (C6) › kam_id: "m8" is not a member_id in team',
      'scores.xlsx › scores › row 3 (A3) › account_id: "A9" is not a account_id in accounts',
      'scores.xlsx › scores › row 3 (C3) › criterion_id: "nope" is not a criterion_id in criteria',
    ]);
    // A4 exists but is not valid: its scores are left out without a second report.
    expect(r.data.accounts.map((a) => a.account_id)).toEqual(['A1', 'A2', 'A3']);
    expect(r.data.scores).toEqual([]);
  });

  it('matches a numeric id cell with the same id typed as text', () => {
    const r = ingestFiles([
      book('b.xlsx', {
        team: [
          ['member_id', 'name', 'role'],
          [7, 'Anna', 'kam'],
        ],
        accounts: [
          ['account_id', 'name', 'kam_id', 'since'],
          [1001, 'Acme', '7', 45000],
        ],
      }),
    ]);
    expect(messages(r)).toEqual([]);
    expect(r.data.accounts[0]).toMatchObject({ account_id: '1001', kam_id: '7', since: '2023-03-15' });
  });

  it('warns when kam_id points to a member who is not a kam or manager', () => {
    const r = ingestFiles([
      book('b.xlsx', { team: TEAM, accounts: [...ACCOUNTS, ['A3', 'Initech', 'm2', '2024-01-01']] }),
    ]);
    expect(r.ok).toBe(true);
    expect(warnings(r)).toEqual([
      'b.xlsx › accounts › row 4 (C4) › kam_id: "m2" is a team member with role support, not kam or manager',
    ]);
  });
});

describe('unknown columns never touch an object prototype', () => {
  it('drops __proto__ and constructor with a warning', () => {
    const r = ingestFiles([
      book('b.xlsx', {
        team: [
          ['member_id', 'name', 'role', '__proto__', 'constructor', 'prototype'],
          ['m1', 'Anna', 'kam', '{"polluted":true}', 'x', 'y'],
        ],
      }),
    ]);
    expect(warnings(r)).toEqual([
      'b.xlsx › team › row 1 (D1) › __proto__: unknown column ignored',
      'b.xlsx › team › row 1 (E1) › constructor: unknown column ignored',
      'b.xlsx › team › row 1 (F1) › prototype: unknown column ignored',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const member = r.data.team[0]!;
    expect(Object.getPrototypeOf(member)).toBe(Object.prototype);
    expect(Object.keys(member).sort()).toEqual([
      'has_support_staff',
      'member_id',
      'name',
      'professionalism',
      'role',
    ]);
  });

  it('ignores a __proto__ setting key', () => {
    const r = ingestFiles([
      book('s.xlsx', {
        settings: [
          ['key', 'value'],
          ['__proto__', 'x'],
          ['tax rate', '20%'],
        ],
      }),
    ]);
    expect(warnings(r)).toEqual([
      's.xlsx › settings › row 2 (A2) › key: unknown setting "__proto__" ignored',
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(r.data.settings.tax_rate).toBe(0.2);
  });
});

describe('CSV files', () => {
  it('reads Windows-1251 with ; and decimal commas; the sheet part is the base name', () => {
    const text =
      'код_клиента;наименование;менеджер_id;клиент_с;потенциал\r\nA1;ООО «Ромашка»;m1;15.01.2024;1 500 000,50 руб.\r\nA2;Ёлка;m1;2024-13-01;\r\n';
    const r = ingestFiles([
      file('клиенты.csv', cp1251(text.replace('«', '"').replace('»', '"'))),
      file('team.csv', utf8Bom('member_id,name,role\nm1,"Petrova, Anna",kam\n')),
    ]);
    expect(errors(r)).toEqual([
      'клиенты.csv › клиенты › row 3 (D3) › клиент_с: "2024-13-01" is not a day of the calendar',
    ]);
    expect(r.data.accounts).toMatchObject([
      { account_id: 'A1', name: 'ООО "Ромашка"', since: '2024-01-15', potential: 1500000.5 },
    ]);
    expect(r.data.team).toMatchObject([{ name: 'Petrova, Anna' }]);
  });

  it('counts a quoted multi-line record as one row', () => {
    const csv =
      'account_id,name,kam_id,since,description\nA1,Acme,m1,2024-01-01,"first line\nsecond line"\nA2,Globex,m1,bad,\n';
    const r = ingestFiles([file('accounts.csv', utf8(csv)), book('team.xlsx', { team: TEAM })]);
    expect(errors(r)).toEqual([
      'accounts.csv › accounts › row 3 (D3) › since: "bad" is not a date (use YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)',
    ]);
    expect(r.data.accounts[0]?.description).toBe('first line\nsecond line');
  });

  it('reports a quote that never closes', () => {
    const r = ingestFiles([file('team.csv', utf8('member_id,name,role\nm1,"Anna,kam\n'))]);
    expect(errors(r)).toContain('team.csv › team › row 2: a quoted value is never closed (a " is missing)');
  });
});

describe('dates whatever the time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])(
    'reads the same calendar dates in %s',
    async (tz) => {
      process.env.TZ = tz;
      const sheets = {
        team: TEAM,
        accounts: [
          ['account_id', 'name', 'kam_id', 'since', 'lost_on'],
          ['A1', 'Acme', 'm1', dateCell(46037), dateCell(46037.99, 'yyyy-mm-dd hh:mm')],
        ],
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A1', dateCell(46053), 'str_quality', 5],
        ],
      };
      const xlsx = ingestFiles([file('b.xlsx', workbook(sheets))]);
      expect(xlsx.data.accounts[0]).toMatchObject({ since: '2026-01-15', lost_on: '2026-01-15' });
      expect(xlsx.data.scores[0]?.period).toBe('2026-01');

      const ods = ingestFiles([
        file(
          'b.ods',
          workbook(
            { team: TEAM, accounts: [ACCOUNTS[0]!, ['A1', 'Acme', 'm1', { t: 'd', v: '2026-01-15' }]] },
            'ods',
          ),
        ),
      ]);
      expect(ods.data.accounts[0]?.since).toBe('2026-01-15');

      // A workbook from another writer (ExcelJS stores dates as serials with a date style).
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('accounts');
      ws.addRow(['account_id', 'name', 'kam_id', 'since']);
      ws.addRow(['A1', 'Acme', 'm1', new Date(Date.UTC(2026, 0, 15))]);
      ws.getCell('D2').numFmt = 'dd.mm.yyyy';
      const ejs = ingestFiles([
        file('e.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())),
        book('t.xlsx', { team: TEAM }),
      ]);
      expect(ejs.data.accounts[0]?.since).toBe('2026-01-15');
    },
  );
});

describe('files', () => {
  it('reports corrupt, empty and oversized files by name, without a stack trace', () => {
    const big = workbook({
      team: [...TEAM, ...Array.from({ length: 3000 }, (_, i) => [`m${i + 10}`, `Member ${i}`, 'kam'])],
    });
    const r = ingestFiles(
      [
        file('corrupt.xlsx', utf8('this is not a zip')),
        file('truncated.ods', workbook({ team: TEAM }, 'ods').slice(0, 300)),
        file('empty.csv', new Uint8Array()),
        file('big.xlsx', big),
        base(),
      ],
      { maxFileMb: big.byteLength / (1024 * 1024) - 0.0001 },
    );
    const errs = errors(r);
    expect(errs[0]).toMatch(
      /^big\.xlsx: file is 0\.\d MB, over the 0\.\d+ MB limit \(KAM_MAX_FILE_MB raises it\)$/,
    );
    expect(errs.slice(1, 3)).toEqual([
      'corrupt.xlsx: corrupt.xlsx is not an .xlsx workbook: it looks like text (CSV?)',
      'empty.csv: file is empty (0 bytes)',
    ]);
    expect(errs[3]).toMatch(/^truncated\.ods: cannot be read \(corrupt or not a spreadsheet\)/);
    for (const e of errs) expect(e).not.toMatch(/\n\s+at /);
    expect(r.files.map((f) => f.file)).toEqual([
      'big.xlsx',
      'book.xlsx',
      'corrupt.xlsx',
      'empty.csv',
      'truncated.ods',
    ]);
  });

  it('takes the size limit from KAM_MAX_FILE_MB', () => {
    const before = process.env.KAM_MAX_FILE_MB;
    process.env.KAM_MAX_FILE_MB = '0.001';
    try {
      expect(errors(ingestFiles([base()]))).toEqual([
        expect.stringMatching(
          /^book\.xlsx: file is \d+ KB, over the 0\.001 MB limit \(KAM_MAX_FILE_MB raises it\)$/,
        ),
      ]);
    } finally {
      if (before === undefined) delete process.env.KAM_MAX_FILE_MB;
      else process.env.KAM_MAX_FILE_MB = before;
    }
  });

  it('ignores lock files, hidden files and other extensions; extensions in any case', () => {
    const r = ingestFiles([
      file('~$book.xlsx', utf8('lock')),
      file('.hidden.csv', utf8('x')),
      file('notes.txt', utf8('x')),
      file('TEAM.CSV', utf8('member_id,name,role\nm1,Anna,kam\n')),
    ]);
    expect(r.files.map((f) => f.file)).toEqual(['TEAM.CSV']);
    expect(r.data.team).toHaveLength(1);
  });

  it('reads CSV files named after a dataset and a number, warns about other names', () => {
    const r = ingestFiles([
      file('team-2026.csv', utf8('member_id,name,role\nm1,Anna,kam\n')),
      file('team_old.csv', utf8('member_id,name,role\nm1,Anna,kam\n')),
      file('acounts.csv', utf8('a\n1\n')),
    ]);
    expect(messages(r)).toEqual([
      NO_ACCOUNTS,
      'acounts.csv › acounts: file name is not a dataset; ignored (did you mean "accounts"?)',
      'team_old.csv › team_old: file name is not a dataset; ignored (did you mean "team"?)',
    ]);
    expect(r.data.team).toHaveLength(1);
  });

  it('is an error when there are no data files', () => {
    expect(errors(ingestFiles([]))).toEqual([
      'no .xlsx, .xls, .ods or .csv files: there are no accounts to build',
    ]);
  });

  it('skips hidden helper sheets that are not datasets', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(TEAM), 'team');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['kam', 'support']]), 'lists');
    wb.Workbook = {
      Sheets: [
        { name: 'team', Hidden: 0 },
        { name: 'lists', Hidden: 1 },
      ],
    };
    const r = ingestFiles([
      file('t.xlsx', new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)),
    ]);
    expect(messages(r)).toEqual([NO_ACCOUNTS]);
    expect(r.files[0]?.sheets).toEqual([
      { sheet: 'team', dataset: 'team', rows: 2 },
      { sheet: 'lists', rows: 0 },
    ]);
  });

  it('reads an .xls workbook', () => {
    const r = ingestFiles([file('old.xls', workbook({ team: TEAM }, 'xls'))]);
    expect(messages(r)).toEqual([NO_ACCOUNTS]);
    expect(r.data.team).toHaveLength(2);
  });
});

describe('criteria and settings', () => {
  it('uses the default criteria when no file has criteria rows', () => {
    const r = ingestFiles([base({ criteria: [['criterion_id', 'matrix', 'name', 'weight']] })]);
    expect(r.data.criteria.filter((c) => c.matrix === 'attractiveness')).toHaveLength(9);
    expect(r.data.criteria.filter((c) => c.matrix === 'strength')).toHaveLength(6);
    expect(r.data.criteria[0]?.name).toBe('Positive net value after all costs to serve');
  });

  it('names the default criteria in the settings locale', () => {
    const r = ingestFiles([
      base({
        настройки: [
          ['ключ', 'значение'],
          ['locale', 'ru'],
        ],
      }),
    ]);
    expect(r.data.settings.locale).toBe('ru');
    expect(r.data.criteria[0]?.name).toMatch(/^Положительная/);
  });

  it('uses the criteria given, and checks scores against them', () => {
    const r = ingestFiles([
      base({
        criteria: [
          ['criterion_id', 'matrix', 'name', 'weight'],
          ['q', 'strength', 'Quality', 2],
          ['p', 'привлекательность', 'Pays', '0'],
        ],
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A1', '2026', 'str_quality', 5],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'book.xlsx › criteria › row 3 (D3) › weight: must be greater than 0 (got 0)',
      'book.xlsx › scores › row 2 (C2) › criterion_id: "str_quality" is not a criterion_id in criteria',
    ]);
    expect(r.data.criteria).toEqual([{ criterion_id: 'q', matrix: 'strength', name: 'Quality', weight: 2 }]);
  });

  it('coerces each setting by its kind, applies defaults and records the keys given', () => {
    const r = ingestFiles([
      book('s.xlsx', {
        settings: [
          ['key', 'value'],
          ['Tax Rate', '20%'],
          ['discount_rate', '0,15'],
          ['currency', 'rub'],
          ['current period', dateCell(46037)],
          ['attractiveness_threshold', 6],
          ['spend_treshold', 4],
          ['risk_threshold', 'high'],
          ['strength_threshold', 11],
          ['tax_rate', 0.3],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      NO_ACCOUNTS,
      's.xlsx › settings › row 8 (B8) › value: risk_threshold: "high" is not a number',
      's.xlsx › settings › row 9 (B9) › value: strength_threshold: must be at most 10 (got 11)',
      's.xlsx › settings › row 10 (A10) › key: setting tax_rate is given twice (first at row 2)',
    ]);
    expect(warnings(r)).toEqual([
      's.xlsx › settings › row 7 (A7) › key: unknown setting "spend_treshold" ignored (did you mean "spend_threshold"?)',
    ]);
    expect(r.data.settings).toMatchObject({
      tax_rate: 0.2,
      discount_rate: 0.15,
      currency: 'RUB',
      current_period: '2026-01',
      attractiveness_threshold: 6,
      strength_threshold: 5,
      locale: 'en',
      base_pay_cap: 0.7,
    });
    expect(r.data.settingsGiven).toEqual([
      'currency',
      'attractiveness_threshold',
      'tax_rate',
      'discount_rate',
      'current_period',
    ]);
  });
});

describe('problem order and formatting', () => {
  it('lists errors first, then warnings, each by file, sheet and row', () => {
    const r = ingestFiles([
      book('b.xlsx', { team: [...TEAM, ['m3', 'X', 'boss']], Junk: [['a']] }),
      book('a.xlsx', { accounts: [...ACCOUNTS, ['A3', 'Y', 'm2', 'x']] }),
    ]);
    expect(messages(r)).toEqual([
      'a.xlsx › accounts › row 4 (D4) › since: "x" is not a date (use YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)',
      'b.xlsx › team › row 4 (C4) › role: "boss" is not one of: kam, team_member, support, manager',
      'b.xlsx › Junk: unknown sheet; ignored (did you mean "team"?)',
    ]);
    expect(summarize(r)).toBe('2 errors, 1 warning in 2 files (6 rows)');
  });

  it('formats places leaving out the parts a problem does not have', () => {
    expect(
      formatProblem({ severity: 'error', message: 'm', file: 'f.csv', sheet: 'f', row: 3, column: 'c' }),
    ).toBe('f.csv › f › row 3 › c: m');
    expect(formatProblem({ severity: 'error', message: 'm', file: 'f.xlsx' })).toBe('f.xlsx: m');
    expect(formatProblem({ severity: 'warning', message: 'm' })).toBe('m');
  });
});

describe('the data folder', () => {
  it('lists and reads the data files of a folder, with their modification times', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kam-ingest-'));
    try {
      await writeFile(path.join(dir, 'team.csv'), 'member_id,name,role\nm1,Anna,kam\n');
      await writeFile(path.join(dir, 'accounts.xlsx'), workbook({ accounts: ACCOUNTS }));
      await writeFile(path.join(dir, '~$accounts.xlsx'), 'lock');
      await writeFile(path.join(dir, 'notes.md'), '# notes');
      await utimes(path.join(dir, 'team.csv'), 1_700_000_000, 1_700_000_000);
      expect(await listDataFiles(dir)).toEqual([path.join(dir, 'accounts.xlsx'), path.join(dir, 'team.csv')]);
      const r = await ingestFolder(dir);
      expect(messages(r)).toEqual([]);
      expect(r.files.find((f) => f.file === 'team.csv')?.mtimeMs).toBe(1_700_000_000_000);
      expect(r.data.accounts).toHaveLength(2);
      const small = await ingestFolder(dir, { maxFileMb: 0.00001 });
      expect(errors(small)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing folder', async () => {
    const r = await ingestFolder('/nonexistent/kam-data');
    expect(errors(r)).toEqual([
      'data folder /nonexistent/kam-data does not exist (create it or set KAM_DATA_DIR)',
    ]);
    expect(await listDataFiles('/nonexistent/kam-data')).toEqual([]);
  });

  it('finds the data folder from KAM_DATA_DIR or the working directory', () => {
    expect(dataDir({ KAM_DATA_DIR: '/srv/kam' })).toBe('/srv/kam');
    expect(dataDir({ KAM_DATA_DIR: 'rel' })).toBe(path.resolve('rel'));
    expect(dataDir({})).toBe(path.join(process.cwd(), 'data'));
  });

  it('reads the workbook back the way SheetJS sees sheet names', () => {
    expect(readSpreadsheet('b.xlsx', workbook({ 'Клиенты 2026': [['a']] })).sheets[0]?.name).toBe(
      'Клиенты 2026',
    );
  });
});
