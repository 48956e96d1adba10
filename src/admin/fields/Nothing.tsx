/** Renders nothing: for list-only ui fields that have no place in the edit form. */
export const Nothing = () => null

export default Nothing
