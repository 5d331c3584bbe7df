/**
 * Periods live in the workbook model (src/core/workbook/period.ts): the Plans sheet reads them too, and it
 * must not depend on analytics. Re-exported so analytics code keeps importing from its own folder.
 */
export * from '../workbook/period';
