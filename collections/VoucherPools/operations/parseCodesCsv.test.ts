import { describe, expect, it } from 'vitest'

import { parseCodesCsv } from './parseCodesCsv'

describe('parseCodesCsv', () => {
  it('reads one code per line, dropping blanks and duplicates', () => {
    expect(parseCodesCsv('A1\r\n\nB2\nA1\n')).toEqual(['A1', 'B2'])
  })
  it('reads the code column of a CSV with a header', () => {
    expect(parseCodesCsv('\uFEFFbatch,code,value\n1,"X-1",50\n1,X-2,50')).toEqual(['X-1', 'X-2'])
  })
  it('names the line that holds no usable code', () => {
    expect(() => parseCodesCsv('code\nA\n\n ,x\nhas space')).toThrow(/Line 4/)
  })
})
