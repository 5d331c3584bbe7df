/**
 * The interface language is kept in the document's properties (mirrored from the Settings sheet
 * by whoever saves settings) so that onOpen can read it without touching the sheets.
 */
import { parseLang } from '../core/i18n';
import type { Lang } from '../core/types';

export const LANG_KEY = 'ropdesk.lang';

export function storedLang(): Lang {
  return parseLang(PropertiesService.getDocumentProperties().getProperty(LANG_KEY));
}

export function storeLang(lang: Lang): void {
  PropertiesService.getDocumentProperties().setProperty(LANG_KEY, lang);
}
