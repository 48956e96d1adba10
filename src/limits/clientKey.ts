import { createHmac } from 'node:crypto'
import { isIPv4, isIPv6 } from 'node:net'

/** Expands an IPv6 address into its eight hextets (no `::`, no embedded IPv4). */
const hextets = (ip: string) => {
  let text = ip.toLowerCase().split('%')[0]
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number)
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail !== undefined && tail ? tail.split(':') : []
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...fill, ...right].map((part) => part.replace(/^0+(?=.)/, ''))
}

/**
 * The key a client's per-IP limits count under. IPv4 addresses (also written IPv4-mapped, as
 * `::ffff:203.0.113.7`) are their own key; an IPv6 address counts by its /64, the block one
 * subscriber line gets, so an attacker cannot step through its 2^64 addresses for fresh budgets.
 */
export const clientKey = (ip: string | undefined) => {
  if (!ip) return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) return mapped[1]
  if (isIPv4(ip)) return ip
  if (isIPv6(ip)) return `${hextets(ip).slice(0, 4).join(':')}::/64`
  return ip
}

/**
 * The key a phone's own limits count under: a keyed hash of the number, so the limit store
 * (Redis) holds no phone numbers. Keyed with PAYLOAD_SECRET, the same in every process.
 */
export const phoneKey = (phone: string) =>
  createHmac('sha256', `${process.env.PAYLOAD_SECRET ?? ''}:rate-limit-phone`)
    .update(phone)
    .digest('base64url')
    .slice(0, 32)
