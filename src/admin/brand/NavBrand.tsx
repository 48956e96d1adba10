import React from 'react'

import { MARK_SVG } from './mark'

/** Bayanet's name and mark at the top of the admin's navigation. */
export const NavBrand = () => (
  <a
    href="/admin"
    style={{
      display: 'flex',
      alignItems: 'center',
      gap: 10,
      marginBottom: 18,
      textDecoration: 'none',
      color: 'inherit',
    }}
  >
    <span
      style={{ display: 'inline-block', width: 32, height: 32, lineHeight: 0 }}
      dangerouslySetInnerHTML={{ __html: MARK_SVG }}
    />
    <strong style={{ fontSize: 18, letterSpacing: '-0.01em' }}>Bayanet</strong>
  </a>
)

export default NavBrand
