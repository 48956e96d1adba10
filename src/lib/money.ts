/** The smallest and largest reward a task may offer, in PHP. */
export const REWARD_MIN_PHP = 1
export const REWARD_MAX_PHP = 10_000

/** PHP as whole centavos, so sums and comparisons in code are exact. */
export const toCentavos = (php: number) => Math.round(php * 100)

/** Centavos back to PHP. */
export const toPhp = (centavos: number) => centavos / 100

/** "₱1,234.50" for people (SMS, messages). */
export const formatPhp = (php: number) =>
  `₱${php.toLocaleString('en-PH', { minimumFractionDigits: php % 1 ? 2 : 0, maximumFractionDigits: 2 })}`

/** Why `value` is not a PHP amount with at most two decimals within [min, max], or true. */
export const validatePhp =
  ({ min, max }: { min: number; max?: number }) =>
  (value: unknown, options?: { required?: boolean }): true | string => {
    if (value === null || value === undefined) return options?.required ? 'Enter an amount.' : true
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter an amount in PHP.'
    if (Math.abs(toCentavos(value) - value * 100) > 1e-6) {
      return 'Use at most two decimals (centavos).'
    }
    if (value < min) return `The amount must be at least ${formatPhp(min)}.`
    if (max !== undefined && value > max) return `The amount must be at most ${formatPhp(max)}.`
    return true
  }
