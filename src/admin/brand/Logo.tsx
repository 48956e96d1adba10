import React from 'react'

import { MARK_SVG } from './mark'

/** The login page's logo (Payload's `graphics.Logo`): the mark, the name and what it is for. */
export const Logo = () => (
  <div style={{ display: 'flex', alignItems: 'center', gap: 14 }}>
    <span
      style={{ display: 'inline-block', width: 56, height: 56, lineHeight: 0 }}
      dangerouslySetInnerHTML={{ __html: MARK_SVG }}
    />
    <div>
      <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: '-0.02em', lineHeight: 1.1 }}>
        Bayanet
      </div>
      <div style={{ fontSize: 14, opacity: 0.7 }}>Staff sign-in · civic tasks and rewards</div>
    </div>
  </div>
)

export default Logo
