import { localizePage } from '../lib/i18n';

localizePage();
