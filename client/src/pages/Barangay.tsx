import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'

import { api } from '../api/client'
import type { Page, Place } from '../api/types'
import { Banner, Button, Field, ui } from '../components/ui'
import { t, type MessageKey } from '../i18n'
import { me } from '../models/session'
import css from './Barangay.module.css'

const FIELDS = ['name', 'label', 'code', 'level'].map((f) => `select[${f}]=true`).join('&')

/** One small page of places: only the fields shown, never the whole table. */
const findPlaces = (where: string, page = 1) =>
  api<Page<Place>>('GET', `/api/places?${where}&${FIELDS}&depth=0&limit=20&page=${page}&sort=name`)

const q = (value: string) => encodeURIComponent(value)
const levelName = (level: string) => t(`place.level.${level}` as MessageKey)

/** `/barangay`: the resident's home barangay, by search or region → … → barangay. */
export default function Barangay() {
  const { route } = useLocation()
  const trail = useSignal<Place[]>([])
  const options = useSignal<Place[]>([])
  const hasMore = useSignal(false)
  const page = useSignal(1)
  const filter = useSignal('')
  const search = useSignal('')
  const found = useSignal<Place[]>([])
  const chosen = useSignal<Place | undefined>(undefined)
  const error = useSignal('')
  const busy = useSignal(false)

  const parent = trail.value.at(-1)
  const listWhere = () => {
    const base = parent ? `where[parent][equals]=${parent.id}` : 'where[level][equals]=region'
    return filter.value.trim() ? `${base}&where[name][like]=${q(filter.value.trim())}` : base
  }

  const loadOptions = async (more = false) => {
    const next = more ? page.value + 1 : 1
    const res = await findPlaces(listWhere(), next)
    if (!res.ok) return void (error.value = res.error.key ? t(res.error.key) : res.error.message)
    page.value = next
    options.value = more ? [...options.value, ...res.data.docs] : res.data.docs
    hasMore.value = Boolean(res.data.hasNextPage)
  }

  useEffect(() => {
    const timer = setTimeout(() => void loadOptions(), filter.value ? 300 : 0)
    return () => clearTimeout(timer)
  }, [parent?.id, filter.value])

  // Type-ahead over every barangay by its label ("Nangka, City of Marikina, NCR"), so words of the
  // city or province narrow it down; the label tells namesakes apart.
  useEffect(() => {
    const text = search.value.trim()
    if (text.length < 3) return void (found.value = [])
    const timer = setTimeout(async () => {
      const res = await findPlaces(`where[level][equals]=barangay&where[label][like]=${q(text)}`)
      if (res.ok && search.value.trim() === text) found.value = res.data.docs
    }, 300)
    return () => clearTimeout(timer)
  }, [search.value])

  const pick = (place: Place) => {
    filter.value = ''
    if (place.level === 'barangay') chosen.value = place
    else {
      chosen.value = undefined
      trail.value = [...trail.value, place]
    }
  }

  const save = async () => {
    const user = me.value
    if (!user || !chosen.value) return
    busy.value = true
    const res = await api<{ doc: typeof user }>('PATCH', `/api/residents/${user.id}`, {
      homeBarangay: chosen.value.id,
    })
    busy.value = false
    if (!res.ok) {
      error.value =
        res.error.fields?.homeBarangay ?? (res.error.key ? t(res.error.key) : res.error.message)
      return
    }
    me.value = { ...user, homeBarangay: chosen.value.id }
    route('/')
  }

  const placeButton = (place: Place, withLabel: boolean) => (
    <li key={place.id}>
      <button
        type="button"
        class={[css.option, chosen.value?.id === place.id && css.selected]
          .filter(Boolean)
          .join(' ')}
        aria-pressed={chosen.value?.id === place.id}
        onClick={() => pick(place)}
      >
        {place.name}
        <small>
          {withLabel ? (place.label ?? levelName(place.level)) : levelName(place.level)}
        </small>
      </button>
    </li>
  )

  return (
    <section>
      <h1>{t('place.title')}</h1>
      <p>{t('place.intro')}</p>
      <Field id="place-search" label={t('place.search')} hint={t('place.searchHint')}>
        {(aria) => (
          <input
            {...aria}
            type="search"
            autoComplete="off"
            value={search.value}
            onInput={(e) => (search.value = e.currentTarget.value)}
          />
        )}
      </Field>
      {found.value.length > 0 && (
        <ul class={css.list} aria-label={t('place.search')}>
          {found.value.map((place) => placeButton(place, true))}
        </ul>
      )}
      {search.value.trim().length >= 3 && found.value.length === 0 && <p>{t('place.none')}</p>}

      <h2>{t('place.browse')}</h2>
      {trail.value.length > 0 && (
        <div class={css.trail}>
          {trail.value.map((place) => (
            <span key={place.id} class={ui.badge}>
              {place.name}
            </span>
          ))}
          <button type="button" class={ui.link} onClick={() => (trail.value = [])}>
            {t('place.startOver')}
          </button>
        </div>
      )}
      <Field id="place-filter" label={t('place.filter')}>
        {(aria) => (
          <input
            {...aria}
            type="search"
            autoComplete="off"
            value={filter.value}
            onInput={(e) => (filter.value = e.currentTarget.value)}
          />
        )}
      </Field>
      <ul class={css.list}>{options.value.map((place) => placeButton(place, false))}</ul>
      {options.value.length === 0 && <p>{t('place.none')}</p>}
      {hasMore.value && (
        <Button kind="secondary" onClick={() => void loadOptions(true)}>
          {t('common.more')}
        </Button>
      )}
      {error.value && <Banner>{error.value}</Banner>}
      {chosen.value && (
        <div class={[ui.card, css.chosen].join(' ')} role="status">
          <p>{t('place.chosen', { place: chosen.value.label ?? chosen.value.name })}</p>
          <Button onClick={() => void save()} disabled={busy.value}>
            {t('place.save')}
          </Button>
        </div>
      )}
    </section>
  )
}
