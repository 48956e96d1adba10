import { describe, expect, it } from 'vitest'

import { api, errorMessage } from '../helpers/api'
import { createOrganization } from '../helpers/fixtures'

describe('list filters', () => {
  it('answers 400, not 500, to a text operator on a choice field', async () => {
    const lgu = await createOrganization('lgu')
    for (const query of [
      'where[status][like]=',
      'where[status][like]=app',
      'where[status][contains]=',
      'where[status][not_like]=x',
    ]) {
      const res = await api('GET', `/api/submissions?${query}`, { token: lgu.manager.token })
      expect(res.status, query).toBe(400)
      expect(errorMessage(res)).toMatch(/filter choices with "equals" or "in"/)
    }
  })
})
