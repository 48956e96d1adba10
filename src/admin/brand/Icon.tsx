import React from 'react'

import { MARK_SVG } from './mark'

/** The nav and favicon-sized mark (Payload's `graphics.Icon`). */
export const Icon = () => (
  <span
    style={{ display: 'inline-block', width: 22, height: 22, lineHeight: 0 }}
    dangerouslySetInnerHTML={{ __html: MARK_SVG }}
  />
)

export default Icon
