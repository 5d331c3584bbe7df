/**
 * The feature modules that register screens and sections in sidebar/slots.ts: one import each,
 * for its side effect. Imported once, by sidebar/main.tsx, before the first render.
 */
import './tasks';
import './people';
import './people-today';
import './plans';
import './money';
import './money-queue';
import './playbook';
import './money-lines';

export {};
