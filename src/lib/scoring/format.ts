/** Great-circle distance in metres (haversine). */
export const distanceM = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

/** "850 m" or "3.2 km". */
export const formatDistance = (metres: number) =>
  metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`

/** The calendar date in the Philippines, as 2026-11-27. */
export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Manila' }).format(new Date(iso))

/** Whole hours from `from` to `to` (at least 0). */
export const hoursBetween = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 3_600_000))

/** "1 hour" / "5 hours" and the Filipino "1 oras" / "5 oras". */
export const hoursEn = (n: number) => (n === 1 ? '1 hour' : `${n} hours`)
