import type { ComponentType } from 'preact'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'

import { t } from '../i18n'
import { me, nextStep } from '../models/session'

/** What a screen needs done first: nothing, a session, or the whole sign-up. */
export type Need = 'none' | 'session' | 'all'

const Redirect = ({ to }: { to: string }) => {
  const { route } = useLocation()
  useEffect(() => route(to, true), [to])
  return null
}

/** Wraps a screen so it sends the resident to the step they still have to do. */
export const gated =
  <P extends object>(Page: ComponentType<P>, need: Need): ComponentType<P> =>
  (props: P) => {
    if (need === 'none') return <Page {...props} />
    if (me.value === undefined) return <p role="status">{t('common.loading')}</p>
    const step = nextStep()
    if (need === 'session' && !me.value) return <Redirect to={step ?? '/sign-in'} />
    if (need === 'all' && step) return <Redirect to={step} />
    return <Page {...props} />
  }

/** `/`: wherever the resident is in the sign-up, or the feed. */
export const Start = () => {
  if (me.value === undefined) return <p role="status">{t('common.loading')}</p>
  return <Redirect to={nextStep() ?? '/feed'} />
}
