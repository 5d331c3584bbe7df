/** A cell as a custom function or a dashboard block hands it to Sheets, and a table of them. */
export type Cell = string | number | Date;
export type Table = Cell[][];
