/** Regression tests for the precise input rules (docs/DATA-FORMAT.md). */
import { describe, expect, it } from 'vitest';
import { ingestFiles, type InputFile } from '../../../src/ingest/index.ts';
import { parseCsv, readSpreadsheet } from '../../../src/ingest/read.ts';
import { ACCOUNTS, errors, TEAM, utf8, warnings, workbook, type Aoa } from './helpers.ts';

const file = (name: string, data: Uint8Array): InputFile => ({ name, data });

describe('CSV line endings', () => {
  it('ends a record at CR alone (old Mac Excel)', () => {
    expect(parseCsv('a,b\r1,x\r2,y\r').rows).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', 'y'],
    ]);
  });

  it('ends a record at each of CRLF, LF and CR mixed in one file', () => {
    expect(parseCsv('a,b\r\n1,x\n2,y\r3,z\r\n\r4,w').rows).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', 'y'],
      ['3', 'z'],
      [''],
      ['4', 'w'],
    ]);
  });

  it('keeps quoted multi-line cells as one record whatever the line endings', () => {
    expect(parseCsv('a,b\r1,"one\rtwo\r\nthree\nfour"\r2,y\n3,"q"\r\r4,z').rows).toEqual([
      ['a', 'b'],
      ['1', 'one\rtwo\r\nthree\nfour'],
      ['2', 'y'],
      ['3', 'q'],
      [''],
      ['4', 'z'],
    ]);
  });

  it('numbers rows as a spreadsheet shows them in a CR-only file with blank and multi-line rows', () => {
    const csv = 'account_id,name,kam_id,since\rA1,"Acme\rInc",m1,2024-01-15\r\rA2,Globex,m9,2023-05-01\r';
    const r = ingestFiles([file('team.csv', utf8('member_id,name,role\rm1,Anna,kam\r')), file('accounts.csv', utf8(csv))]);
    expect(r.data.accounts.map((a) => a.name)).toEqual(['Acme\rInc']);
    expect(errors(r)).toEqual([expect.stringMatching(/^accounts\.csv › accounts › row 4 .*kam_id/)]);
  });
});
