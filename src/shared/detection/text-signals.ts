// Content signals read from normalised text: scare claims, brands, fake scans,
// error codes, countdowns and the visitor's IP address shown back to them.
import { BRANDS, CLAIM_TERMS, type ClaimConcept, COUNTDOWN_WORDS, IP_LABELS, SCAN_WORDS } from './lexicon';
import { findLure } from './lure';
import { compileTerms, findTerms } from './matcher';

const CLAIM_RES = Object.entries(CLAIM_TERMS).map(([concept, terms]) => [concept as ClaimConcept, compileTerms(terms)] as const);
const BRAND_RES = Object.entries(BRANDS).map(([brand, terms]) => [brand, compileTerms(terms)] as const);
const SCAN_RE = compileTerms(SCAN_WORDS);
const COUNTDOWN_RE = compileTerms(COUNTDOWN_WORDS);
const IP_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${IP_LABELS.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*[:：]?[^\\d\\n]{0,20}(\\d{1,3}(?:\\.\\d{1,3}){3})(?!\\.?\\d)`,
  'u',
);

// "Error code: 0x800VDS", "エラーコード: DW6VB36", "Fehlercode #0x268d3", "code d'erreur 02V7HGTVB".
const ERROR_CODE_RE =
  /(?:(?<![\p{L}\p{N}])0x[0-9a-z]{3,10}(?![\p{L}\p{N}]))|(?:(?:error|fehler|erreur|errore|erro|エラー)\s*-?\s*(?:code|コード|codigo|codice)?|(?:code|codigo|codice) d?(?:'|e |di )?(?:erreur|error|errore|erro))\s*[:：#]?\s*#?\s*((?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{5,12})(?![\p{L}\p{N}])/u;

// Fake scan results list malware by family name: "Trojan.Fakealert.356", "Adware.win-32.Look2me.ab".
const MALWARE_NAME_RE = /(?<![\p{L}\p{N}])(?:trojan|adware|backdoor|worm|spyware|rootkit|ransom|hoax|keylogger|riskware|exploit)[.:/](?:[a-z0-9-]+[.:/]?){1,4}/gu;

const CLOCK_RE = /(?<!\d)\d{1,2}\s*:\s*\d{2}(?!\d)|(?<!\d)\d{1,3}\s*(?:seconds|secondes|sekunden|segundos|secondi|秒)/u;

export interface TextSignals {
  /** Claim concepts found, each with the first matching phrase. */
  claims: Partial<Record<ClaimConcept, string>>;
  brands: string[];
  scan: boolean;
  errorCode: string | null;
  countdown: boolean;
  ipShown: string | null;
  lure: boolean;
  /** Distinct malware names listed, as fake scan results do. */
  malwareNames: string[];
}

export function emptySignals(): TextSignals {
  return { claims: {}, brands: [], scan: false, errorCode: null, countdown: false, ipShown: null, lure: false, malwareNames: [] };
}

/** Adds the signals of one piece of matchForm text to `into`. */
export function readSignals(text: string, into: TextSignals): TextSignals {
  for (const [concept, re] of CLAIM_RES) {
    if (into.claims[concept]) continue;
    const found = findTerms(re, text, 1)[0];
    if (found) into.claims[concept] = found;
  }
  for (const [brand, re] of BRAND_RES) {
    if (!into.brands.includes(brand) && findTerms(re, text, 1).length) into.brands.push(brand);
  }
  if (!into.scan && findTerms(SCAN_RE, text, 1).length) into.scan = true;
  if (into.malwareNames.length < 5) {
    for (const name of findTerms(MALWARE_NAME_RE, text, 5)) if (!into.malwareNames.includes(name)) into.malwareNames.push(name);
  }
  if (!into.errorCode) {
    const code = ERROR_CODE_RE.exec(text);
    if (code) into.errorCode = (code[1] ?? code[0]).toUpperCase();
  }
  if (!into.countdown && CLOCK_RE.test(text) && findTerms(COUNTDOWN_RE, text, 1).length) into.countdown = true;
  if (!into.ipShown) into.ipShown = IP_RE.exec(text)?.[1] ?? null;
  if (!into.lure && findLure(text)) into.lure = true;
  return into;
}
