import { describe, expect, it } from 'vitest';
import type { ProbeEvent } from '../probe-events';
import { analyseContent } from './analyse';
import { addProbeEvents, emptyBehaviour } from './behaviour';
import type { ContentEvidence } from './content-evidence';
import cases from './fixtures/score-cases.json' with { type: 'json' };
import { assess, categoryWeights, decide, fullscreenWouldMakeScam, type RuleId, score } from './score';

interface ScoreCase {
  name: string;
  url?: string;
  lang?: string;
  text: string[];
  events: ProbeEvent[];
  negativeFor?: RuleId[];
  expect: { level: string; rule: RuleId };
}

const CASES = cases as ScoreCase[];

function evidenceOf(c: ScoreCase) {
  const frame: ContentEvidence = {
    url: c.url ?? 'http://page.example.test/',
    lang: c.lang ?? 'en',
    title: '',
    blocks: c.text.map((text) => ({ text, px: 0, flags: 0 })),
    attrs: [],
    cssLogo: false,
    progressBars: 0,
    truncated: false,
  };
  return { url: frame.url, content: analyseContent([frame], 'en-US'), behaviour: addProbeEvents(emptyBehaviour(), c.events) };
}

describe('verdict rules (fixtures in fixtures/score-cases.json)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a = assess(evidenceOf(c));
    const why = a.reasons.map((r) => `${r.key}(${r.params.join('|')})`).join(', ');
    expect({ level: a.verdict.level, rule: a.rule }, why).toEqual(c.expect);
    for (const rule of c.negativeFor ?? []) expect(a.rule).not.toBe(rule);
  });

  it('has at least one positive and one negative example for every rule', () => {
    const rules: RuleId[] = ['behaviour+claim+brandOrCall', 'behaviour+brand+call+claim', 'twoBehaviours+claim', 'notificationLure', 'lockAlarmTrap', 'behaviour+content', 'content+place'];
    for (const rule of rules) {
      expect(CASES.some((c) => c.expect.rule === rule), `positive for ${rule}`).toBe(true);
      expect(CASES.some((c) => c.negativeFor?.includes(rule)), `negative for ${rule}`).toBe(true);
    }
  });
});

describe('scoring invariants', () => {
  it('one category alone never yields scam, however loud', () => {
    for (const category of ['lock', 'alarm', 'trap', 'claim', 'brand', 'call', 'place'] as const) {
      const weights = categoryWeights([{ key: 'x', params: [], category, weight: 100 }]);
      expect(decide(weights).level, category).not.toBe('scam');
    }
  });

  it('behaviour alone yields scam only when the screen is locked, an alarm sounds AND leaving is trapped', () => {
    const strong = (category: 'lock' | 'alarm' | 'trap') => ({ key: category, params: [], category, weight: 4 });
    expect(decide(categoryWeights([strong('lock'), strong('alarm')])).level).not.toBe('scam');
    expect(decide(categoryWeights([strong('lock'), strong('trap')])).level).not.toBe('scam');
    expect(decide(categoryWeights([strong('alarm'), strong('trap')])).level).not.toBe('scam');
    expect(decide(categoryWeights([strong('lock'), strong('alarm'), strong('trap')]))).toEqual({ level: 'scam', rule: 'lockAlarmTrap' });
  });

  it('content alone (claim + brand + pushed call) never yields scam', () => {
    const weights = categoryWeights([
      { key: 'a', params: [], category: 'claim', weight: 4 },
      { key: 'b', params: [], category: 'brand', weight: 4 },
      { key: 'c', params: [], category: 'call', weight: 4 },
      { key: 'd', params: [], category: 'place', weight: 4 },
    ]);
    expect(decide(weights).level).not.toBe('scam');
  });

  it('stays silent when safe: no reasons and no phone numbers', () => {
    const verdict = score(evidenceOf(CASES[1] as ScoreCase));
    expect(verdict).toMatchObject({ level: 'safe', reasons: [], phoneNumbers: [] });
  });

  it('lists the pushed phone number for display when it warns', () => {
    const verdict = score(evidenceOf(CASES[0] as ScoreCase));
    expect(verdict.phoneNumbers).toEqual(['+1 888 555 0199']);
    expect(verdict.reasons.find((r) => r.key === 'reasonBrandPhone')?.params).toEqual(['Windows', '+1 888 555 0199']);
  });
});

describe('fullscreenWouldMakeScam (a whole-page full-screen request refused in advance)', () => {
  const caseNamed = (start: string) => CASES.find((c) => c.name.startsWith(start)) as ScoreCase;
  const withoutEvents = (c: ScoreCase): ScoreCase => ({ ...c, events: [] });

  it('is true where the request itself would make the verdict a scam', () => {
    const evidence = evidenceOf(withoutEvents(caseNamed('Defender lock')));
    expect(score(evidence).level).not.toBe('scam');
    expect(fullscreenWouldMakeScam(evidence)).toBe(true);
    expect(score(evidenceOf(caseNamed('Defender lock'))).level).toBe('scam');
  });

  it('is false where the request would not be enough: neutral text, a number alone, scare text without brand or number', () => {
    expect(fullscreenWouldMakeScam(evidenceOf(withoutEvents(caseNamed('Game'))))).toBe(false);
    expect(fullscreenWouldMakeScam(evidenceOf(withoutEvents(caseNamed('Video full screen'))))).toBe(false);
    expect(fullscreenWouldMakeScam(evidenceOf(withoutEvents(caseNamed('Full screen of the page with scare text'))))).toBe(false);
  });

  it('is false once the page has asked (the verdict already counts it), and leaves the evidence as it was', () => {
    const asked = evidenceOf(caseNamed('Defender lock'));
    expect(fullscreenWouldMakeScam(asked)).toBe(false);
    const fresh = evidenceOf(withoutEvents(caseNamed('Defender lock')));
    const before = JSON.stringify(fresh.behaviour);
    fullscreenWouldMakeScam(fresh);
    expect(JSON.stringify(fresh.behaviour)).toBe(before);
  });
});
