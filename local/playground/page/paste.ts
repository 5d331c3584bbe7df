/** Reading a paste from the clipboard, as Sheets does. */

/** Clipboard text as Sheets reads a paste: tab-separated cells, one line per row, quotes for
 * cells holding tabs, newlines or quotes. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i <= src.length) {
    if (cell === '' && src[i] === '"') {
      let j = i + 1;
      let quoted = '';
      while (j < src.length && !(src[j] === '"' && src[j + 1] !== '"')) {
        quoted += src[j] === '"' ? '"' : src[j];
        j += src[j] === '"' ? 2 : 1;
      }
      if (j < src.length && (src[j + 1] === '\t' || src[j + 1] === '\n' || j + 1 === src.length)) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    const ch = src[i];
    if (ch === undefined || ch === '\t' || ch === '\n') {
      row.push(cell);
      cell = '';
      if (ch !== '\t') {
        rows.push(row);
        row = [];
      }
    } else cell += ch;
    i++;
  }
  return rows;
}
