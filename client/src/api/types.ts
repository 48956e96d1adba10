/** The shapes the app reads from the API (DESIGN.md §4), only the fields it uses. */

export type Resident = {
  id: number
  phone: string
  name?: string | null
  language?: 'en' | 'fil' | null
  gcashNumber?: string | null
  homeBarangay?: number | Place | null
}

export type Place = {
  id: number
  code: string
  name: string
  label?: string | null
  level: string
  parent?: number | null
}

export type Question = {
  id?: string
  name: string
  label: string
  type: string
  required?: boolean | null
  options?: string[] | string | null
  help?: string | null
}

export type Task = {
  id: number
  title: string
  description?: string | null
  fields?: Question[] | null
  reward?: { kind?: 'gcash' | 'voucher' | null; amount?: number | null } | null
  endsAt?: string | null
  nationwide?: boolean | null
  organization?: { id: number; name: string; kind?: string } | null
  mySubmission?: { id: number; status: string } | null
}

export type Page<T> = {
  docs: T[]
  page?: number
  totalDocs?: number
  totalPages?: number
  hasNextPage?: boolean
}

export type Submission = {
  id: number
  task: number | { id: number; title: string }
  status: string
  reviewNote?: string | null
  appealMessage?: string | null
  appealedAt?: string | null
  createdAt: string
}

export type Reward = {
  id: number
  task?: number | { id: number; title: string }
  kind: 'gcash' | 'voucher'
  amount: number
  status: string
  voucherCode?: string | null
  code?: string | null
  destination?: string | null
  createdAt: string
}
