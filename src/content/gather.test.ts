// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_FLAGS } from '../shared/detection/content-evidence';
import { gatherContent, type GatherOptions } from './gather';

const OPTIONS: GatherOptions = { budgetMs: 1000, maxNodes: 6000, includeFrames: true, now: () => performance.now() };
const texts = () => gatherContent(document, OPTIONS).blocks.map((b) => b.text);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = '';
});

describe('content gatherer', () => {
  it('joins digits split across inline elements into one block', () => {
    document.body.innerHTML = '<p>Call <span>1</span>-<b>8</b><i>88</i>-<span>555</span>-<span>01</span><span>99</span></p><div>next</div>';
    expect(texts()).toEqual(['Call 1-888-555-0199', 'next']);
  });

  it('keeps block elements apart', () => {
    document.body.innerHTML = '<div>Windows<div>Defender</div></div>';
    expect(texts()).toEqual(['Windows', 'Defender']);
  });

  it('reads the title, alt/title attributes, and image file names', () => {
    document.title = 'Security Center';
    document.body.innerHTML = '<img src="/images/windows-defender.png?v=2" alt="Warning"><span title="Call now"></span><input type="button" value="Scan now">';
    const evidence = gatherContent(document, OPTIONS);
    expect(evidence.title).toBe('Security Center');
    expect(evidence.attrs).toEqual(expect.arrayContaining(['windows-defender.png', 'Warning', 'Call now']));
    expect(evidence.blocks.map((b) => b.text).join(' ')).toContain('Scan now');
  });

  it('reads open shadow roots', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Your computer is infected</p>';
    expect(texts()).toContain('Your computer is infected');
  });

  it('reads not-yet-stamped <template> content and hidden text (kits reveal it on click)', () => {
    document.body.innerHTML = '<template><div>Access blocked</div></template><div style="display:none">Call +1-888-555-0199</div>';
    expect(texts()).toEqual(['Access blocked', 'Call +1-888-555-0199']);
  });

  it('skips scripts and styles but reads the logo colours in CSS', () => {
    document.head.innerHTML = '<style>.r{background:#f25022}.g{background:#7fba00}.b{background:#00a4ef}.y{background:#ffb900}</style>';
    document.body.innerHTML = '<script>var secret = "virus";</script><div class="r"></div>';
    const evidence = gatherContent(document, OPTIONS);
    expect(evidence.cssLogo).toBe(true);
    expect(evidence.blocks).toEqual([]);
  });

  it('counts progress bars', () => {
    document.body.innerHTML = '<progress value="3" max="10"></progress><div role="progressbar"></div><div class="scan-progress"></div>';
    expect(gatherContent(document, OPTIONS).progressBars).toBe(3);
  });

  it('marks links, buttons and headings as emphasis', () => {
    document.body.innerHTML = '<h1>Call +1-888-555-0199</h1><p>plain</p>';
    const [heading, plain] = gatherContent(document, OPTIONS).blocks;
    expect((heading?.flags ?? 0) & BLOCK_FLAGS.emphasis).toBeTruthy();
    expect((plain?.flags ?? 0) & BLOCK_FLAGS.emphasis).toBe(0);
  });

  it('stops at the node cap and says so', () => {
    document.body.innerHTML = '<div>x</div>'.repeat(500);
    const evidence = gatherContent(document, { ...OPTIONS, maxNodes: 100 });
    expect(evidence.truncated).toBe(true);
    expect(evidence.blocks.length).toBeLessThan(100);
  });

  it('stops at the time budget and says so', () => {
    document.body.innerHTML = '<div>x</div>'.repeat(3000);
    let clock = 0;
    const evidence = gatherContent(document, { ...OPTIONS, budgetMs: 5, now: () => (clock += 1) });
    expect(evidence.truncated).toBe(true);
  });

  it('stops stepping through the page once out of budget (a wide page must not cost a visit per node)', () => {
    document.body.innerHTML = '<span>x</span>'.repeat(5000);
    const steps = vi.spyOn(Node.prototype, 'nextSibling', 'get');
    const evidence = gatherContent(document, { ...OPTIONS, maxNodes: 100 });
    const taken = steps.mock.calls.length;
    steps.mockRestore();
    expect(evidence.truncated).toBe(true);
    expect(taken).toBeLessThan(200);
  });

  it('does not cut a small page short on a busy CPU', () => {
    document.body.innerHTML = '<div>x</div>'.repeat(200);
    let clock = 0;
    const evidence = gatherContent(document, { ...OPTIONS, budgetMs: 5, now: () => (clock += 100) });
    expect(evidence.truncated).toBe(false);
    expect(evidence.blocks).toHaveLength(200);
  });

  it('caps the characters it sends on a huge page', () => {
    document.body.innerHTML = `<p>${'word '.repeat(1000)}</p>`.repeat(200);
    const evidence = gatherContent(document, OPTIONS);
    const chars = evidence.blocks.reduce((sum, b) => sum + b.text.length, 0);
    expect(chars).toBeLessThanOrEqual(40_000);
    expect(evidence.blocks.every((b) => b.text.length <= 600)).toBe(true);
  });
});
