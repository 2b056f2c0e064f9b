/** The widgets the demo page shows, each with the attributes of its example. */
export interface DemoExample {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export const DEMO_EXAMPLES: readonly DemoExample[] = [
  {
    id: 'level-compare',
    title: 'Compare levels',
    description:
      'One column per level, one row per dimension; each cell leads with a headline so the step between levels shows at a glance. Narrow containers get one card per dimension.',
    tag: 'de-level-compare',
    attributes: { levels: 'staff principal distinguished' },
  },
  {
    id: 'level-card',
    title: 'One level',
    description: 'A level with its expectation on every dimension and the steps into and out of it.',
    tag: 'de-level-card',
    attributes: { level: 'distinguished' },
  },
  {
    id: 'failure-mode-card',
    title: 'A failure mode',
    description: 'How companies get the role wrong: symptoms, consequences, and the practices that prevent it.',
    tag: 'de-failure-mode-card',
    attributes: { mode: 'super-coder' },
  },
  {
    id: 'failure-mode-grid',
    title: 'Every failure mode',
    description: 'All the failure-mode cards in a responsive grid.',
    tag: 'de-failure-mode-grid',
    attributes: {},
  },
  {
    id: 'leverage-mechanisms',
    title: 'Leverage mechanisms',
    description: 'The four ways a Distinguished Engineer creates leverage, as cards.',
    tag: 'de-leverage-mechanisms',
    attributes: {},
  },
  {
    id: 'self-assessment',
    title: 'Self-assessment',
    description:
      'Where am I? Pick the level that fits your work on each area and see your profile against a target level, the gaps and what to grow. Your answers stay in this page’s address and in files you download: nothing is sent.',
    tag: 'de-self-assessment',
    attributes: { target: 'distinguished' },
  },
  {
    id: 'role-health-check',
    title: 'Role health check',
    description:
      'For leaders: tick the symptoms you see and learn which failure modes your organisation shows, how strongly, and what prevents them. Private in the same way.',
    tag: 'de-role-health-check',
    attributes: {},
  },
];
