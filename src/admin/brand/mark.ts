/**
 * Bayanet's mark: a house-shaped "bayan" (town) over three linked dots (the net of neighbours),
 * in Philippine blue with a sun-gold dot. Inline SVG, so nothing is fetched from anywhere.
 */
export const MARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%" role="img" aria-label="Bayanet"><rect width="64" height="64" rx="14" fill="#0038a8"/><path d="M14 30 32 15l18 15v19H14z" fill="none" stroke="#fff" stroke-width="4.5" stroke-linejoin="round"/><circle cx="23" cy="41" r="4" fill="#fff"/><circle cx="41" cy="41" r="4" fill="#fff"/><circle cx="32" cy="30" r="4.5" fill="#fcd116"/><path d="M23 41 32 30l9 11" fill="none" stroke="#fff" stroke-width="2.5"/></svg>`
