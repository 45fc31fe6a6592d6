import { Verdict } from '@internal/backstage-plugin-rollout-status-common';

/**
 * How each verdict looks. Colour is never the only signal: every verdict
 * also has a word, so it reads the same in grey-scale, to a screen reader
 * and to a test. `unknown` is neutral grey, never green.
 */
export interface VerdictStyle {
  label: string;
  /** Background of the badge; white text is readable on all four. */
  colour: string;
  /** Plain-language meaning, used as a tooltip. */
  meaning: string;
}

export const VERDICT_STYLES: Record<Verdict, VerdictStyle> = {
  ok: { label: 'OK', colour: '#2e7d32', meaning: 'Checked and healthy' },
  warn: { label: 'WARN', colour: '#a15c00', meaning: 'Needs attention' },
  critical: {
    label: 'CRITICAL',
    colour: '#c62828',
    meaning: 'Unsafe or broken',
  },
  unknown: {
    label: 'UNKNOWN',
    colour: '#616161',
    meaning: 'Not known: data missing, stale or failed to load',
  },
};
