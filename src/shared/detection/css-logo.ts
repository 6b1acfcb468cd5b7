// The four-coloured-squares logo that fake Windows pages draw with CSS instead of
// an image (so no file name or alt text gives them away).

const LOGO_COLOURS: readonly RegExp[] = [
  /#(?:f25022|f35325|f1511b)|rgb\(\s*24[12]\s*,\s*8[01]\s*,\s*(?:34|27)\s*\)/i, // red
  /#(?:7fba00|80bb00|81bc06|80cc28)|rgb\(\s*12[78]\s*,\s*18[678]\s*,\s*0\s*\)/i, // green
  /#(?:00a4ef|05a6f0|01a6f0)|rgb\(\s*[015]\s*,\s*16[46]\s*,\s*2(?:39|40)\s*\)/i, // blue
  /#(?:ffb900|ffba08|ffb902)|rgb\(\s*255\s*,\s*18[56]\s*,\s*(?:0|8)\s*\)/i, // yellow
];

/** True when all four logo colours appear in the given CSS text. */
export function hasLogoColours(css: string): boolean {
  return LOGO_COLOURS.every((colour) => colour.test(css));
}
