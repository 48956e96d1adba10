import './index.css'

import { render } from 'preact'
import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso'

import { gated, Start } from './components/Gate'
import { Layout } from './components/Layout'
import { lang, loadDictionary, t, withMore } from './i18n'
import { hadWaiting } from './models/outbox'
import { loadSession } from './models/session'

// Every screen is its own chunk: the first visit downloads only the one it shows.
const Language = lazy(() => import('./pages/Language'))
const Phone = lazy(() => import('./pages/SignIn/Phone'))
const Code = lazy(() => import('./pages/SignIn/Code'))
const Consent = lazy(() => withMore(() => import('./pages/Consent')))
const Barangay = lazy(() => withMore(() => import('./pages/Barangay')))
const Feed = lazy(() => import('./pages/Feed'))
const TaskPage = lazy(() => import('./pages/Task'))
const Submissions = lazy(() => withMore(() => import('./pages/Submissions')))
const Rewards = lazy(() => withMore(() => import('./pages/Rewards')))
const Profile = lazy(() => withMore(() => import('./pages/Profile')))

const NotFound = () => (
  <p>
    <a href="/">{t('common.back')}</a>
  </p>
)

const App = () => (
  <LocationProvider>
    <ErrorBoundary>
      <Layout>
        <Router>
          <Route path="/" component={Start} />
          <Route path="/language" component={Language} />
          <Route path="/sign-in" component={Phone} />
          <Route path="/sign-in/code" component={Code} />
          <Route path="/consent" component={gated(Consent, 'session')} />
          <Route path="/barangay" component={gated(Barangay, 'session')} />
          <Route path="/feed" component={gated(Feed, 'all')} />
          <Route path="/tasks/:id" component={gated(TaskPage, 'all')} />
          <Route path="/submissions" component={gated(Submissions, 'all')} />
          <Route path="/rewards" component={gated(Rewards, 'all')} />
          <Route path="/profile" component={gated(Profile, 'all')} />
          <Route default component={NotFound} />
        </Router>
      </Layout>
    </ErrorBoundary>
  </LocationProvider>
)

document.documentElement.lang = lang()
void loadSession()
void loadDictionary(lang()).then(() => render(<App />, document.getElementById('app')!))
// The outbox sender loads only when something is waiting (or on the next submission).
if (hadWaiting()) void import('./models/sender').then((sender) => sender.startOutbox())

// The service worker caches the shell and the last feed; registered after the first render.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js'))
}
