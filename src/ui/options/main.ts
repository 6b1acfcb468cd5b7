import { localizePage } from '../lib/i18n';

// Each feature renders its own section into its placeholder in index.html.
localizePage();
