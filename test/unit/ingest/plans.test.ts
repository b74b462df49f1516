/** Reading the account-plan datasets: Russian names, references, keys and the visibility warning. */
import { describe, expect, it } from 'vitest';
import { ingestFiles, type InputFile } from '../../../src/ingest/index.ts';
import { ACCOUNTS, errors, TEAM, warnings, workbook, type Aoa } from './helpers.ts';

const book = (sheets: Record<string, Aoa>): InputFile => ({
  name: 'plans.xlsx',
  data: workbook({ team: TEAM, accounts: ACCOUNTS, ...sheets }),
});

describe('objectives, actions and offerings', () => {
  it('reads Russian sheet names, headers and enum labels, with the defaults', () => {
    const r = ingestFiles([
      book({
        цели: [
          ['цель_id', 'код_клиента', 'заголовок', 'вид', 'база', 'цель', 'срок', 'статус', 'видно_клиенту'],
          ['O1', 'A1', 'Удвоить долю', 'доля кошелька', '20%', '40%', '31.12.2026', 'Открыта', 'да'],
          ['O2', 'A2', 'Сохранить клиента', '', '', 1, '2027-03-31', '', ''],
        ],
        действия: [
          ['действие_id', 'цель_id', 'заголовок', 'ответственный_id', 'срок', 'выполнено'],
          ['X1', 'O1', 'Встреча с закупками', 'm1', '2026-10-01', '2026-10-03'],
        ],
        предложения: [
          ['клиент_id', 'предложение', 'подразделение', 'статус', 'годовой_объем'],
          ['A1', 'Сервис', '', 'в работе', '120 000 ₽'],
          ['A1', 'Сервис', 'Завод 2', 'не_актуально', ''],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([]);
    expect(r.data.objectives).toEqual([
      {
        objective_id: 'O1',
        account_id: 'A1',
        title: 'Удвоить долю',
        kind: 'share_of_wallet',
        baseline: 0.2,
        target: 0.4,
        due: '2026-12-31',
        status: 'open',
        client_visible: true,
      },
      {
        objective_id: 'O2',
        account_id: 'A2',
        title: 'Сохранить клиента',
        kind: 'other',
        target: 1,
        due: '2027-03-31',
        status: 'open',
        client_visible: false,
      },
    ]);
    expect(r.data.actions).toEqual([
      {
        action_id: 'X1',
        objective_id: 'O1',
        title: 'Встреча с закупками',
        owner_id: 'm1',
        due: '2026-10-01',
        done_on: '2026-10-03',
      },
    ]);
    expect(r.data.offerings.map((o) => [o.offering, o.unit, o.status, o.annual_value])).toEqual([
      ['Сервис', undefined, 'pipeline', 120000],
      ['Сервис', 'Завод 2', 'not_relevant', undefined],
    ]);
  });

  it('checks references: objective → account and owner, action → objective and owner', () => {
    const r = ingestFiles([
      book({
        objectives: [
          ['objective_id', 'account_id', 'title', 'target', 'due', 'owner_id'],
          ['O1', 'A9', 'x', 1, '2026-12-31', ''],
          ['O2', 'A1', 'y', 1, '2026-12-31', 'm7'],
        ],
        actions: [
          ['action_id', 'objective_id', 'title', 'owner_id', 'due'],
          ['X1', 'O5', 'z', 'm1', '2026-10-01'],
          ['X2', 'O1', 'w', 'm9', '2026-10-01'],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'plans.xlsx › objectives › row 2 (B2) › account_id: "A9" is not a account_id in accounts',
      'plans.xlsx › objectives › row 3 (F3) › owner_id: "m7" is not a member_id in team',
      'plans.xlsx › actions › row 2 (B2) › objective_id: "O5" is not a objective_id in objectives',
      'plans.xlsx › actions › row 3 (D3) › owner_id: "m9" is not a member_id in team',
    ]);
  });

  it('keys offerings by account, offering and unit; a blank unit is a value of its own', () => {
    const r = ingestFiles([
      book({
        offerings: [
          ['account_id', 'offering', 'unit', 'status'],
          ['A1', 'Valves', '', 'bought'],
          ['A1', 'Valves', 'Plant 2', 'opportunity'],
          ['A1', 'Valves', '', 'pipeline'],
          ['A1', 'Valves', 'Plant 2', 'pipeline'],
          ['A2', 'Valves', '', 'bought'],
        ],
        objectives: [
          ['objective_id', 'account_id', 'title', 'target', 'due'],
          ['O1', 'A1', 'x', 1, '2026-12-31'],
          ['O1', 'A2', 'y', 1, '2026-12-31'],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'plans.xlsx › offerings › row 4: duplicate account_id "A1", offering "Valves", unit blank (first at row 2)',
      'plans.xlsx › offerings › row 5: duplicate account_id "A1", offering "Valves", unit "Plant 2" (first at row 3)',
      'plans.xlsx › objectives › row 3 (A3) › objective_id: duplicate objective_id "O1" (first at row 2)',
    ]);
  });

  it('warns when a profitability objective is marked client-visible, naming the row', () => {
    const r = ingestFiles([
      book({
        objectives: [
          ['objective_id', 'account_id', 'title', 'kind', 'target', 'due', 'client_visible'],
          ['O1', 'A1', 'Margin', 'profitability', 1000, '2026-12-31', 'yes'],
          ['O2', 'A1', 'Margin, internal', 'profitability', 1000, '2026-12-31', 'no'],
          ['O3', 'A1', 'Share', 'growth', 1000, '2026-12-31', 'yes'],
        ],
      }),
    ]);
    expect(r.ok).toBe(true);
    expect(warnings(r)).toEqual([
      'plans.xlsx › objectives › row 2 (G2) › client_visible: objective "O1" is of kind profitability, whose figures are internal: it is left out of the client bundle',
    ]);
  });

  it('reads the signal settings with their defaults', () => {
    const r = ingestFiles([
      book({
        settings: [
          ['key', 'value'],
          ['signal_revenue_drop', '20%'],
          ['signal_contact_days', 60],
        ],
      }),
    ]);
    expect(r.data.settings).toMatchObject({
      signal_voc_drop: 1,
      signal_revenue_drop: 0.2,
      signal_overdue_days: 30,
      signal_contact_days: 60,
    });
    const bad = ingestFiles([
      book({
        settings: [
          ['key', 'value'],
          ['signal_overdue_days', 2.5],
        ],
      }),
    ]);
    expect(errors(bad)).toEqual([
      'plans.xlsx › settings › row 2 (B2) › value: signal_overdue_days: must be a whole number (got 2.5)',
    ]);
  });
});
