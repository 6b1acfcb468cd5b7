// Public places that take scam reports. The extension only opens their forms
// with the address filled in; the user reads and submits them.

export type ReportService = 'google' | 'microsoft' | 'ipa';

export const REPORT_SERVICES: readonly ReportService[] = ['google', 'microsoft', 'ipa'];

/** IPA 情報セキュリティ安心相談窓口 (Japan): consultation, not a report form. */
export const IPA_CONSULTATION_URL = 'https://www.ipa.go.jp/security/anshin/';

export function reportFormUrl(service: ReportService, pageUrl: string): string {
  const url = encodeURIComponent(pageUrl);
  switch (service) {
    case 'google':
      return `https://safebrowsing.google.com/safebrowsing/report_phish/?url=${url}`;
    case 'microsoft':
      return `https://www.microsoft.com/en-us/wdsi/support/report-unsafe-site-guest?url=${url}`;
    case 'ipa':
      return IPA_CONSULTATION_URL;
  }
}

/**
 * The services to offer: IPA's consultation desk when the extension speaks Japanese or
 * the browser's UI language is Japanese (pass both; either is enough).
 */
export function servicesForLanguage(...languages: string[]): ReportService[] {
  const japanese = languages.some((language) => language.toLowerCase().startsWith('ja'));
  return japanese ? ['google', 'microsoft', 'ipa'] : ['google', 'microsoft'];
}
