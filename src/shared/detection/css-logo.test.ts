import { describe, expect, it } from 'vitest';
import { hasLogoColours } from './css-logo';

describe('CSS-drawn four-squares logo', () => {
  it('sees the four colours in hex', () => {
    expect(hasLogoColours('.a{background:#F25022}.b{background:#7FBA00}.c{background:#00A4EF}.d{background:#FFB900}')).toBe(true);
  });
  it('sees them in rgb() and in inline styles', () => {
    expect(hasLogoColours(';background-color: rgb(242, 80, 34);background-color: rgb(127,186,0);background:rgb(0, 164, 239);color:rgb(255, 185, 0)')).toBe(true);
  });
  it('needs all four', () => {
    expect(hasLogoColours('.a{background:#f25022}.b{background:#7fba00}.c{background:#00a4ef}')).toBe(false);
    expect(hasLogoColours('body{color:#333;background:#fff}')).toBe(false);
  });
});
