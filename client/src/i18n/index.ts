import { signal } from '@preact/signals'

import type { MessageKey } from './en'

/** The languages the app speaks, as the resident's profile names them. */
export type Lang = 'en' | 'fil'

/** The core strings every screen uses, and the rest, fetched by the screens that need them. */
export type Part = 'core' | 'more'

const STORE = 'bayanet.lang'
const saved = (() => {
  try {
    return localStorage.getItem(STORE)
  } catch {
    return null
  }
})()

/** The chosen language; null until the resident has picked one on this device. */
export const chosenLang = signal<Lang | null>(saved === 'en' || saved === 'fil' ? saved : null)

/** The language strings are shown in (Filipino until chosen). */
export const lang = () => chosenLang.value ?? 'fil'

type Strings = Partial<Record<MessageKey, string>>

// Each language and part is its own chunk: a resident downloads only the strings shown.
const sources: Record<Lang, Record<Part, () => Promise<Strings>>> = {
  en: {
    core: () => import('./en').then((m) => m.en),
    more: () => import('./en-more').then((m) => m.enMore),
  },
  fil: {
    core: () => import('./fil').then((m) => m.fil),
    more: () => import('./fil-more').then((m) => m.filMore),
  },
}
const loaded: Record<Lang, Strings> = { en: {}, fil: {} }
const parts = new Set<string>()
/** The strings in use (a new object whenever a part arrives, so screens redraw). */
const dictionary = signal<Strings>({})
/** The parts the current screens asked for; a language switch fetches them again. */
const wanted = new Set<Part>(['core'])

/** Fetches a part of a language's strings (once) and makes it current. */
export const loadDictionary = async (which: Lang, part: Part = 'core') => {
  wanted.add(part)
  if (!parts.has(`${which}:${part}`)) {
    Object.assign(loaded[which], await sources[which][part]())
    parts.add(`${which}:${part}`)
  }
  if (lang() === which) dictionary.value = { ...loaded[which] }
}

/** Loads the `more` strings before a screen that uses them is shown. */
export const withMore = <T>(load: () => Promise<T>) =>
  Promise.all([load(), loadDictionary(lang(), 'more')]).then(([module]) => module)

/** Remembers the choice on this device and labels the document for screen readers. */
export const setLang = async (next: Lang) => {
  chosenLang.value = next
  await Promise.all([...wanted].map((part) => loadDictionary(next, part)))
  document.documentElement.lang = next
  try {
    localStorage.setItem(STORE, next)
  } catch {
    // private mode: remembered for this visit only
  }
}

/** The string for `key` in the current language, with `{name}` placeholders filled in. */
export const t = (key: MessageKey, vars?: Record<string, string | number>) => {
  const text: string = dictionary.value[key] ?? key
  return vars ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? '')) : text
}

/** Dates and times the way residents read them, in Philippine time. */
export const formatDate = (iso: string, withTime = false) =>
  new Date(iso).toLocaleString(lang() === 'fil' ? 'fil-PH' : 'en-PH', {
    timeZone: 'Asia/Manila',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
  })

export type { MessageKey }
