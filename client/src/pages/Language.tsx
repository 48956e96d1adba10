import { useLocation } from 'preact-iso'

import { Button, ui } from '../components/ui'
import { chosenLang, t, type Lang } from '../i18n'
import { chooseLanguage } from '../models/session'

const CHOICES: [Lang, string][] = [
  ['fil', 'Filipino'],
  ['en', 'English'],
]

/** `/language`: the first screen; also reachable later to switch. */
export default function Language() {
  const { route } = useLocation()
  const pick = async (language: Lang) => {
    await chooseLanguage(language)
    route('/')
  }
  return (
    <section class={ui.stack}>
      <h1>{t('lang.title')}</h1>
      <p>{t('app.tagline')}</p>
      {CHOICES.map(([code, name]) => (
        <Button
          key={code}
          lang={code}
          kind={chosenLang.value === code ? 'primary' : 'secondary'}
          aria-pressed={chosenLang.value === code}
          onClick={() => void pick(code)}
        >
          {name}
        </Button>
      ))}
      <p class={ui.hint}>{t('lang.hint')}</p>
    </section>
  )
}
