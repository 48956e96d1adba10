import { describe, expect, it } from 'vitest'

import { DEFAULT_SETTINGS as S } from '../settings'
import { cleanContext } from '../testContext'
import { sharedDevice } from './sharedDevice'

const sharing = (residentsOnDevice: number, residentsOnIp = 0, deviceId: string | null = 'd-1') =>
  cleanContext({ sharing: { deviceId, residentsOnDevice, residentsOnIp } })

describe('shared device and IP rule', () => {
  it('says nothing for a device and IP only this resident uses', () => {
    expect(sharedDevice(sharing(0), S)).toEqual([])
  })
  it('flags a device another resident used, and a device farm harder', () => {
    expect(sharedDevice(sharing(1), S)).toMatchObject([{ rule: 'shared_device', points: 20 }])
    const [farm] = sharedDevice(sharing(4), S)
    expect(farm.points).toBe(40)
    expect(farm.en).toBe('This device was also used by 4 other residents.')
  })
  it('flags an IP only when many residents share it (carriers put thousands behind one)', () => {
    expect(sharedDevice(sharing(0, 9), S)).toEqual([])
    expect(sharedDevice(sharing(0, 10), S)).toMatchObject([{ rule: 'shared_ip', points: 15 }])
  })
  it('notes, without points, a submission that carries no device id', () => {
    expect(sharedDevice(sharing(0, 0, null), S)).toMatchObject([
      { rule: 'shared_device', points: 0 },
    ])
  })
})
