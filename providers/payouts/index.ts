import { sandboxPayoutProvider } from './sandbox'
import type { PayoutProvider } from './types'

/** The payout provider named by PAYOUT_PROVIDER. */
export const getPayoutProvider = (
  name = process.env.PAYOUT_PROVIDER || 'sandbox',
): PayoutProvider => {
  switch (name) {
    case 'sandbox':
      return sandboxPayoutProvider()
    default:
      throw new Error(`PAYOUT_PROVIDER "${name}" is not supported yet; use "sandbox"`)
  }
}
