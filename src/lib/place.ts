/**
 * A spreadsheet row as people read it, `file › sheet › row N`: the account page's source lists
 * (rendered in the browser from the sources export) and the exports use this one format.
 */
export interface RowPlace {
  file: string;
  sheet: string;
  /** The row number as the spreadsheet shows it (header row = 1). */
  row: number;
}

export function formatPlace(p: RowPlace, rowWord = 'row'): string {
  return `${p.file} › ${p.sheet} › ${rowWord} ${p.row}`;
}
