/** Writes the demo's people rows: one setValues per sheet, kinds and stages in the workbook's words. */
import type { PeopleDemo } from '../../core/demo/people';
import { CANDIDATE_STAGES, TRAINING_KINDS } from '../../core/people/enums';
import type { Lang } from '../../core/types';
import type { Workbook } from '../../gas/workbook';

export function writePeopleDemo(wb: Workbook, p: PeopleDemo, lang: Lang): void {
  wb.append('onboarding', p.onboarding);
  wb.append(
    'training',
    p.trainings.map((t) => ({ ...t, kind: t.kind ? TRAINING_KINDS.label(t.kind, lang) : '' })),
  );
  wb.append(
    'candidates',
    p.candidates.map((c) => ({
      ...c,
      stage: c.stage ? CANDIDATE_STAGES.label(c.stage, lang) : '',
    })),
  );
  wb.append('scorecard', p.scores);
}
