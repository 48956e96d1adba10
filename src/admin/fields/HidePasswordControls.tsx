/**
 * Residents sign in by SMS code only: the email, username, password and unlock controls Payload
 * adds to every auth collection do not apply, so their edit page hides them.
 */
export const HidePasswordControls = () => (
  <style>{'.auth-fields { display: none !important; }'}</style>
)

export default HidePasswordControls
