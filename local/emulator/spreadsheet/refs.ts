/** Where a recorded object points: a sheet name and an A1 range (kept as data, so that
 * tests can assert on it and save() can store it). */
export interface RangeRef {
  sheet: string;
  a1: string;
}
/** Anything that can say which range it is (the emulator's Range). */
export interface Rangeish {
  _ref(): RangeRef;
}
