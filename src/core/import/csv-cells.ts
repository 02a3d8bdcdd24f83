/**
 * CSV writing: RFC 4180 quoting, and neutralisation of cells a spreadsheet would run as a formula
 * (those starting with = + - @, a tab or a carriage return get a leading apostrophe).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string, delimiter: string): string {
  return value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value) || value.startsWith(' ')
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** One CSV line (without its line break), every text cell neutralised; numbers are written as numbers. */
export function csvLine(cells: readonly (string | number | null)[], delimiter = ','): string {
  return cells
    .map((c) => {
      if (c === null) return '';
      if (typeof c === 'number') return String(c);
      return quote(neutralizeCell(c), delimiter);
    })
    .join(delimiter);
}

/** Undoes the neutralisation on import: a cell written as `'=x` by an export reads back as `=x`. */
export function unneutralizeCell(value: string): string {
  return value.length > 1 && value.startsWith("'") && FORMULA_START.test(value.slice(1))
    ? value.slice(1)
    : value;
}
