/**
 * Responses of the people methods (docs/people.md). Texts the sidebar shows (reasons, topics,
 * criteria, kinds and stages) arrive translated, so the page bundles only a few words of its own.
 * Dates are ISO days.
 */
export interface OnboardingStepView {
  manager: string;
  step: string;
  due: string | null;
  done: boolean;
  late: boolean;
}

export interface PeopleView {
  onboarding: Array<{
    manager: string;
    name: string;
    done: number;
    total: number;
    late: number;
    next: string;
  }>;
  /** The caller's own steps (a manager in onboarding), for the Today section and the screen. */
  mine: OnboardingStepView[];
  due: Array<{ name: string; reasons: string; topic: string }>;
  trainings: Array<{
    date: string;
    name: string;
    kind: string;
    topic: string;
    passed: boolean | null;
  }>;
  grades: Array<{
    email: string;
    name: string;
    grade: string;
    scheme: string;
    next: string;
    ready: boolean;
    risk: boolean;
    /** " · ready for …" or " · at risk" (translated), or ''. */
    flag: string;
    note: string;
  }>;
  /** null for a manager (candidates are the head's). */
  candidates: Array<{
    row: number;
    name: string;
    position: string;
    stage: string;
    score: string;
    open: boolean;
  }> | null;
  canHire: boolean;
  /** Onboarding steps of the caller's mentees (they may mark them). */
  mentees: OnboardingStepView[];
  /** The caller's trainings this year and last attestation, one translated line. */
  growth: string;
  /** For the head's forms: interview questions and the candidate stages one may set ([key, label]). */
  questions: string[];
  stages: Array<[string, string]>;
  kinds: Array<[string, string]>;
}
