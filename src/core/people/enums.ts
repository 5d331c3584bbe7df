/**
 * The words the people sheets accept for a training's kind and a candidate's stage, in both
 * languages; a cell may hold the key, the Russian or the English label, in any case.
 */
import type { Lang } from '../types';
import type { CandidateStage, TrainingKind } from './types';

interface Labels<K extends string> {
  values: readonly K[];
  label(v: K, lang: Lang): string;
  parse(v: unknown): K | '';
}

function labels<K extends string>(table: Record<K, [string, string]>): Labels<K> {
  const values = Object.keys(table) as K[];
  const byWord = new Map<string, K>();
  for (const k of values) {
    for (const w of [k, ...table[k]]) byWord.set(w.toLowerCase().replace(/ё/g, 'е'), k);
  }
  return {
    values,
    label: (v, lang) => table[v][lang === 'ru' ? 0 : 1],
    parse: (v) =>
      byWord.get(
        String(v ?? '')
          .trim()
          .toLowerCase()
          .replace(/ё/g, 'е'),
      ) ?? '',
  };
}

export const TRAINING_KINDS = labels<TrainingKind>({
  training: ['Обучение', 'Training'],
  workshop: ['Воркшоп', 'Workshop'],
  attestation: ['Аттестация', 'Attestation'],
});

export const CANDIDATE_STAGES = labels<CandidateStage>({
  applied: ['Отклик', 'Applied'],
  interview: ['Интервью', 'Interview'],
  testTask: ['Тестовое задание', 'Test task'],
  offer: ['Оффер', 'Offer'],
  hired: ['Нанят', 'Hired'],
  declined: ['Отказ', 'Declined'],
});
