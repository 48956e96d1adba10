import { IDENTICAL_DISTANCE, POINTS } from '../settings'
import type { Rule } from '../types'

/** The photo is a copy (resized, recompressed, trimmed) of a photo already submitted. */
export const duplicatePhoto: Rule = (ctx) => {
  if (!ctx.photo) return []
  if (!ctx.photo.hash) {
    return [
      {
        rule: 'duplicate_photo',
        points: 0,
        en: 'The photo could not be read to compare it with earlier photos; not checked.',
        fil: 'Hindi mabasa ang larawan para ikumpara sa mga naunang larawan; hindi nasuri.',
      },
    ]
  }
  const match = ctx.duplicates[0]
  if (!match) return []
  const own = match.resident === ctx.resident.id
  const identical = match.distance <= IDENTICAL_DISTANCE
  const others = ctx.duplicates.length - 1
  return [
    {
      rule: 'duplicate_photo',
      points: identical ? POINTS.identicalPhoto : POINTS.nearDuplicatePhoto,
      en:
        `The photo ${identical ? 'is the same as' : 'is a copy of'} the photo in submission ` +
        `#${match.submission} (${match.distance} of 64 bits differ), sent by ` +
        `${own ? 'this same resident' : 'another resident'}` +
        (others > 0 ? `; ${others} more similar photo${others === 1 ? '' : 's'}.` : '.'),
      fil:
        `${identical ? 'Pareho' : 'Kopya'} ang larawan ng nasa submission #${match.submission} ` +
        `(${match.distance} lang sa 64 bit ang magkaiba), na ipinadala ng ` +
        `${own ? 'residenteng ito rin' : 'ibang residente'}` +
        (others > 0 ? `; may ${others} pang katulad na larawan.` : '.'),
    },
  ]
}
