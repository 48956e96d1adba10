import type { ComponentChildren } from 'preact'
import { useLocation } from 'preact-iso'

import { t, type MessageKey } from '../i18n'
import { online } from '../models/network'
import { outbox } from '../models/outbox'
import { me, nextStep } from '../models/session'
import css from './Layout.module.css'
import { Banner } from './ui'

const TABS: [string, MessageKey][] = [
  ['/feed', 'nav.feed'],
  ['/submissions', 'nav.submissions'],
  ['/rewards', 'nav.rewards'],
  ['/profile', 'nav.profile'],
]

/** The frame of every screen: header, connection and outbox notices, and the tab bar. */
export const Layout = ({ children }: { children: ComponentChildren }) => {
  const { path } = useLocation()
  const signedIn = Boolean(me.value)
  // The tabs appear once sign-up is done; until then each step leads to the next.
  const tabs = signedIn && !nextStep()
  const waiting = outbox.value.length
  return (
    <>
      <a class={css.skip} href="#main">
        {t('app.skip')}
      </a>
      <header class={css.header}>
        <a class={css.brand} href={tabs ? '/feed' : '/'}>
          {t('app.name')}
        </a>
      </header>
      <main class={css.main} id="main" tabIndex={-1}>
        {!online.value && <Banner>{t('common.offline')}</Banner>}
        {waiting > 0 && path !== '/submissions' && (
          <Banner>
            <a href="/submissions">{t('outbox.count', { n: waiting })}</a>
          </Banner>
        )}
        {children}
      </main>
      {tabs && (
        <nav class={css.nav} aria-label={t('nav.label')}>
          {TABS.map(([href, key]) => (
            <a
              key={href}
              href={href}
              class={[css.navLink, path.startsWith(href) && css.active].filter(Boolean).join(' ')}
              aria-current={path.startsWith(href) ? 'page' : undefined}
            >
              {t(key)}
            </a>
          ))}
        </nav>
      )}
    </>
  )
}
