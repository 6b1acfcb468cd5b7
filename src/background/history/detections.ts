// Records every detection in the history: each time a page's verdict rises to
// suspicious or scam. Registered at the top level of the worker (main.ts).
import { higherLevel } from '../../shared/verdict';
import type { VerdictChange } from '../verdict-events';
import { recordHistory } from './store';

export async function recordDetection(change: VerdictChange): Promise<void> {
  const { verdict, previousLevel, url } = change;
  if (verdict.level === 'safe' || higherLevel(previousLevel, verdict.level) === previousLevel) return;
  await recordHistory({
    kind: 'detection',
    url,
    level: verdict.level,
    reasons: verdict.reasons,
    phoneNumbers: verdict.phoneNumbers,
    data: { score: verdict.score },
  });
}
