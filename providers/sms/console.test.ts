import { describe, expect, it } from 'vitest'

import { consoleSmsProvider } from './console'

describe('the console SMS provider', () => {
  it('logs one masked line and never the message or the full number', async () => {
    const lines: string[] = []
    const provider = consoleSmsProvider((line) => lines.push(line))
    const receipt = await provider.send({ to: '+639171234567', body: 'Your code is 482913' })
    expect(receipt.providerRef).toMatch(/^console-/)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('+63917*****67')
    expect(lines[0]).not.toContain('482913')
    expect(lines[0]).not.toContain('1234567')
  })
})
