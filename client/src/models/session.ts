import { computed, signal } from '@preact/signals'

import { api, onUnauthorized } from '../api/client'
import type { Resident } from '../api/types'
import { chosenLang, setLang, type Lang } from '../i18n'

/** The signed-in resident: undefined while loading, null when signed out. */
export const me = signal<Resident | null | undefined>(undefined)

/** Purposes still to agree to before taking part; null when the server has no consent API. */
export const missingConsents = signal<string[] | null>(null)

/** True once the resident's place in the sign-up steps is known. */
export const ready = computed(() => me.value !== undefined)

const homeId = (resident: Resident) =>
  typeof resident.homeBarangay === 'object' ? resident.homeBarangay?.id : resident.homeBarangay

/** Loads the session and where the resident stands (consent, home barangay). */
export const loadSession = async () => {
  const res = await api<{ user: Resident | null }>('GET', '/api/residents/me')
  if (!res.ok) {
    // Offline: keep whoever was signed in, so the saved feed and outbox still work.
    if (res.error.status === 0) {
      me.value = readCachedResident()
      return
    }
    me.value = null
    return
  }
  await adopt(res.data.user)
}

/** Takes a freshly signed-in (or reloaded) resident as the session. */
export const adopt = async (user: Resident | null) => {
  if (user) {
    await loadConsents()
    // The device's choice wins over the profile's default; the profile then follows it.
    if (chosenLang.value && user.language !== chosenLang.value) {
      void saveLanguage(user.id, chosenLang.value)
      user = { ...user, language: chosenLang.value }
    } else if (!chosenLang.value && (user.language === 'en' || user.language === 'fil')) {
      await setLang(user.language)
    }
  }
  cacheResident(user)
  me.value = user
}

/** Reads the consent state; a server without the consent API needs none. */
export const loadConsents = async () => {
  const res = await api<{ missing: string[] }>('GET', '/api/consents/mine')
  missingConsents.value = res.ok ? res.data.missing : null
}

const saveLanguage = (id: number, language: Lang) =>
  api('PATCH', `/api/residents/${id}`, { language })

/** Changes the language on this device and, when signed in, in the profile (SMS follow it). */
export const chooseLanguage = async (language: Lang) => {
  await setLang(language)
  const user = me.value
  if (user && user.language !== language) {
    me.value = { ...user, language }
    await saveLanguage(user.id, language)
  }
}

/** Signs out on the server and forgets the resident on this device. */
export const signOut = async () => {
  await api('POST', '/api/residents/logout')
  forget()
}

/** Drops the session on this device (after sign-out, erasure or an expired session). */
export const forget = () => {
  cacheResident(null)
  localStorage.removeItem('bayanet.feed')
  // The service worker's copy of the feed is this resident's too.
  void globalThis.caches?.delete('bayanet-feed')
  me.value = null
  missingConsents.value = null
}

/** The first step the resident still has to do, or null when they may use the app. */
export const nextStep = (): string | null => {
  if (!chosenLang.value) return '/language'
  const user = me.value
  if (!user) return '/sign-in'
  if (missingConsents.value?.length) return '/consent'
  if (!homeId(user)) return '/barangay'
  return null
}

const CACHE = 'bayanet.me'
const cacheResident = (user: Resident | null) => {
  try {
    if (user) localStorage.setItem(CACHE, JSON.stringify(user))
    else localStorage.removeItem(CACHE)
  } catch {
    // storage full or private mode: the session still works online
  }
}
const readCachedResident = (): Resident | null => {
  try {
    return JSON.parse(localStorage.getItem(CACHE) ?? 'null')
  } catch {
    return null
  }
}

onUnauthorized.addEventListener('401', () => {
  if (me.value) forget()
})
