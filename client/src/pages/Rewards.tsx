import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'

import { api } from '../api/client'
import type { Page, Reward } from '../api/types'
import { rewardText } from '../components/TaskMeta'
import { Banner, ui } from '../components/ui'
import { formatDate, t, type MessageKey } from '../i18n'

const titleOf = (r: Reward) => (r.task && typeof r.task === 'object' ? r.task.title : '')

/** `/rewards`: each reward with its payout status, and voucher codes once issued. */
export default function Rewards() {
  const list = useSignal<Reward[] | undefined>(undefined)
  const error = useSignal('')
  useEffect(() => {
    void api<Page<Reward>>('GET', '/api/rewards?depth=1&sort=-createdAt&limit=50').then((res) => {
      if (res.ok) list.value = res.data.docs
      else error.value = res.error.key ? t(res.error.key, { s: 60 }) : res.error.message
    })
  }, [])
  return (
    <section>
      <h1>{t('rewards.title')}</h1>
      {error.value && <Banner>{error.value}</Banner>}
      {list.value === undefined && !error.value && <p role="status">{t('common.loading')}</p>}
      {list.value?.length === 0 && <p>{t('rewards.empty')}</p>}
      {list.value?.map((r) => (
        <div key={r.id} class={ui.card}>
          <h2>{rewardText({ kind: r.kind, amount: r.amount })}</h2>
          {titleOf(r) && <p>{titleOf(r)}</p>}
          <span class={ui.badge}>{t(`rewards.status.${r.status}` as MessageKey)}</span>
          <p class={ui.hint}>{formatDate(r.createdAt, true)}</p>
          {r.voucherCode && (
            <p>
              <strong>{t('rewards.voucherCode', { code: r.voucherCode })}</strong>
            </p>
          )}
        </div>
      ))}
    </section>
  )
}
